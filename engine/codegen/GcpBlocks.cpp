#include "codegen/GcpBlocks.h"

#include "codegen/ServiceIds.h"

namespace mlops::GcpBlocks {

using namespace TerraformSyntax;

bool usesGke(const RenderInput& in) {
    return in.serviceOf(s("platform")) == ServiceId::GoogleContainerCluster ||
           in.serviceOf(s("training")) == ServiceId::GoogleContainerNodePool ||
           in.serviceOf(s("serving")) == ServiceId::GoogleContainerNodePool;
}

HclBlock serviceAccount(const QString& name, const QString& purpose) {
    return resource(s("google_service_account"), name)
        .attr(s("account_id"),
              HclValue::interpolated(s("${substr(local.name, 0, 20)}-") +
                                     QString(name).replace(QLatin1Char('_'), QLatin1Char('-')).left(9)))
        .str(s("display_name"), purpose);
}

HclValue accountMember(const QString& account) {
    return HclValue::interpolated(s("serviceAccount:${google_service_account.") + account + s(".email}"));
}

HclBlock bucketAccess(const QString& account, bool write) {
    return resource(s("google_storage_bucket_iam_member"), account + s("_data"))
        .expr(s("bucket"), s("google_storage_bucket.data.name"))
        .str(s("role"), write ? s("roles/storage.objectUser") : s("roles/storage.objectViewer"))
        .attr(s("member"), accountMember(account));
}

HclBlock projectRole(const QString& name, const QString& account, const QString& role) {
    return resource(s("google_project_iam_member"), name)
        .expr(s("project"), s("var.project_id"))
        .str(s("role"), role)
        .attr(s("member"), accountMember(account));
}

HclBlock keyAccessForAgent(const QString& name, const QString& agentEmail) {
    return resource(s("google_kms_crypto_key_iam_member"), name)
        .expr(s("crypto_key_id"), s("google_kms_crypto_key.data.id"))
        .str(s("role"), s("roles/cloudkms.cryptoKeyEncrypterDecrypter"))
        .attr(s("member"), HclValue::interpolated(s("serviceAccount:") + agentEmail));
}

HclBlock armorPolicy(bool waf) {
    HclBlock armor = resource(s("google_compute_security_policy"), s("serving"));
    armor.attr(s("name"), named(s("armor")))
        .block(HclBlock(s("rule"))
                   .str(s("action"), s("allow"))
                   .num(s("priority"), 1000)
                   .block(HclBlock(s("match"))
                              .str(s("versioned_expr"), s("SRC_IPS_V1"))
                              .block(HclBlock(s("config")).expr(s("src_ip_ranges"), s("var.allowed_cidrs")))))
        .block(HclBlock(s("rule"))
                   .str(s("action"), s("deny(403)"))
                   .num(s("priority"), 2147483647)
                   .block(HclBlock(s("match"))
                              .str(s("versioned_expr"), s("SRC_IPS_V1"))
                              .block(HclBlock(s("config")).attr(s("src_ip_ranges"), HclValue::strings({s("*")})))));
    if (waf)
        armor.block(HclBlock(s("rule"))
                        .str(s("action"), s("deny(403)"))
                        .num(s("priority"), 900)
                        .block(HclBlock(s("match"))
                                   .block(HclBlock(s("expr")).str(s("expression"),
                                                                  s("evaluatePreconfiguredWaf('sqli-v33-stable') || "
                                                                    "evaluatePreconfiguredWaf('xss-v33-stable')")))));
    return armor;
}

} // namespace mlops::GcpBlocks
