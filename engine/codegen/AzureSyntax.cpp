#include "codegen/AzureSyntax.h"

namespace mlops::AzureSyntax {

using namespace TerraformSyntax;

namespace {

bool declares(const HclWriter& file, const QString& type, const QString& name) {
    for (const QJsonValue& v : file.resources()) {
        const QJsonObject r = v.toObject();
        if (r.value(s("type")).toString() == type && r.value(s("name")).toString() == name)
            return true;
    }
    return false;
}

} // namespace

HclBlock azure(const QString& type, const QString& name, const QString& suffix) {
    HclBlock b = resource(type, name);
    b.attr(s("name"), named(suffix))
        .expr(s("resource_group_name"), s("azurerm_resource_group.main.name"))
        .expr(s("location"), s("azurerm_resource_group.main.location"));
    return b;
}

HclBlock roleAssignment(const QString& name, const QString& scope, const QString& role, const QString& principal) {
    return resource(s("azurerm_role_assignment"), name)
        .expr(s("scope"), scope)
        .str(s("role_definition_name"), role)
        .expr(s("principal_id"), principal);
}

HclBlock userIdentity(const QString& name, const QString& suffix) {
    return azure(s("azurerm_user_assigned_identity"), name, suffix).expr(s("tags"), s("local.tags"));
}

HclBlock assignedIdentity(const QString& identityAddress) {
    return HclBlock(s("identity"))
        .str(s("type"), s("UserAssigned"))
        .attr(s("identity_ids"), refs({identityAddress + s(".id")}));
}

HclBlock systemIdentity() {
    return HclBlock(s("identity")).str(s("type"), s("SystemAssigned"));
}

HclBlock subnet(const QString& name, const QString& prefix, const QString& delegation,
                const QStringList& delegationActions) {
    HclBlock b = resource(s("azurerm_subnet"), name);
    b.attr(s("name"), named(QString(name).replace(QLatin1Char('_'), QLatin1Char('-'))))
        .expr(s("resource_group_name"), s("azurerm_resource_group.main.name"))
        .expr(s("virtual_network_name"), s("azurerm_virtual_network.main.name"))
        .attr(s("address_prefixes"), HclValue::strings({prefix}));
    if (!delegation.isEmpty()) {
        HclBlock service(s("service_delegation"));
        service.str(s("name"), delegation);
        if (!delegationActions.isEmpty())
            service.attr(s("actions"), HclValue::strings(delegationActions));
        b.block(HclBlock(s("delegation")).str(s("name"), delegation.section(QLatin1Char('/'), -1)).block(service));
    }
    return b;
}

void ensureEndpointSubnet(TerraformModule& m) {
    HclWriter& network = m.file(s("network.tf"));
    if (declares(network, s("azurerm_subnet"), s("endpoints")))
        return;
    // Network policies stay enforced on the endpoints, so the NSG below also governs private-endpoint traffic.
    network.add(subnet(s("endpoints"), s("10.40.8.0/24")).str(s("private_endpoint_network_policies"), s("Enabled")));
    network.add(resource(s("azurerm_subnet_network_security_group_association"), s("endpoints"))
                    .expr(s("subnet_id"), s("azurerm_subnet.endpoints.id"))
                    .expr(s("network_security_group_id"), s("azurerm_network_security_group.workloads.id")));
}

void privateEndpoint(HclWriter& file, const QString& name, const QString& target, const QString& subresource,
                     const QString& dnsZone) {
    file.add(resource(s("azurerm_private_dns_zone"), name)
                 .str(s("name"), dnsZone)
                 .expr(s("resource_group_name"), s("azurerm_resource_group.main.name"))
                 .expr(s("tags"), s("local.tags")));
    file.add(resource(s("azurerm_private_dns_zone_virtual_network_link"), name)
                 .attr(s("name"), named(QString(name).replace(QLatin1Char('_'), QLatin1Char('-')) + s("-link")))
                 .expr(s("resource_group_name"), s("azurerm_resource_group.main.name"))
                 .expr(s("private_dns_zone_name"), s("azurerm_private_dns_zone.") + name + s(".name"))
                 .expr(s("virtual_network_id"), s("azurerm_virtual_network.main.id"))
                 .flag(s("registration_enabled"), false)
                 .expr(s("tags"), s("local.tags")));
    file.add(
        azure(s("azurerm_private_endpoint"), name, QString(name).replace(QLatin1Char('_'), QLatin1Char('-')) + s("-pe"))
            .expr(s("subnet_id"), s("azurerm_subnet.endpoints.id"))
            .block(HclBlock(s("private_service_connection"))
                       .attr(s("name"), named(QString(name).replace(QLatin1Char('_'), QLatin1Char('-')) + s("-psc")))
                       .expr(s("private_connection_resource_id"), target)
                       .attr(s("subresource_names"), HclValue::strings({subresource}))
                       .flag(s("is_manual_connection"), false))
            .block(HclBlock(s("private_dns_zone_group"))
                       .str(s("name"), s("default"))
                       .attr(s("private_dns_zone_ids"), refs({s("azurerm_private_dns_zone.") + name + s(".id")})))
            .expr(s("tags"), s("local.tags")));
}

void ensureContainerEnvironment(const RenderInput& in, TerraformModule& m) {
    HclWriter& f =
        m.file(s("containers.tf"),
               s("Container Apps environment: internal load balancer in the workloads subnet, logs to Log Analytics."));
    if (declares(f, s("azurerm_container_app_environment"), s("main")))
        return;
    f.add(azure(s("azurerm_container_app_environment"), s("main"), s("cae"))
              .expr(s("log_analytics_workspace_id"), s("azurerm_log_analytics_workspace.main.id"))
              .expr(s("infrastructure_subnet_id"), s("azurerm_subnet.workloads.id"))
              .flag(s("internal_load_balancer_enabled"), true)
              .flag(s("zone_redundancy_enabled"), in.size(s("serving")).value(s("zones")).toInt(1) > 1)
              .expr(s("tags"), s("local.tags")));
}

} // namespace mlops::AzureSyntax
