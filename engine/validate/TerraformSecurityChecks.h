#pragma once

#include "validate/Finding.h"
#include "validate/TerraformSource.h"

namespace mlops {

// Checks every Terraform repository should pass whatever the compliance packs say, in the spirit of Checkov's
// most common ones: storage encrypted at rest, no public buckets or containers, no ingress from 0.0.0.0/0 or
// ::/0, resources tagged (directly or through the provider's default tags). They complement the YAML policy
// packs, whose Terraform forms cover only some resource types. Rule ids: TF-ENC, TF-PUB, TF-NET, TF-TAG.
class TerraformSecurityChecks {
public:
    explicit TerraformSecurityChecks(QList<TerraformSource> modules);
    QList<Finding> run() const;

private:
    void checkEncryption(const TerraformSource& module, const TerraformSourceBlock& resource,
                         QList<Finding>& out) const;
    void checkPublicAccess(const TerraformSource& module, const TerraformSourceBlock& resource,
                           QList<Finding>& out) const;
    void checkIngress(const TerraformSourceBlock& resource, QList<Finding>& out) const;
    void checkTags(const TerraformSourceBlock& resource, QList<Finding>& out) const;
    bool providerHasDefaultTags(const QString& provider) const;

    QList<TerraformSource> m_modules;
};

} // namespace mlops
