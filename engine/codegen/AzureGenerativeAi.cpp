#include "codegen/AzureGenerativeAi.h"

#include "codegen/AzureSyntax.h"
#include "codegen/ServiceIds.h"

#include <cmath>

namespace mlops {

using namespace TerraformSyntax;
using namespace AzureSyntax;

namespace {

// Chat capacity in thousands of tokens per minute at the planned peak: tokens per request (planned monthly tokens
// over monthly requests) times peak requests per minute. Falls back to three times the average minute.
int chatCapacity(const RenderInput& in, const QString& role) {
    const double tokensPerMonth = in.size(role).value(s("tokens_millions")).toDouble() * 1e6;
    const QJsonObject usage = in.plan.value(s("usage")).toObject();
    const double requestsPerMonth =
        usage.value(s("requests_per_month")).toDouble(usage.value(s("requests_per_day")).toDouble() * 30);
    const double peakRps = usage.value(s("peak_rps")).toDouble();
    double tpm = tokensPerMonth / (30.0 * 24 * 60) * 3;
    if (requestsPerMonth > 0 && peakRps > 0)
        tpm = tokensPerMonth / requestsPerMonth * peakRps * 60;
    return std::clamp(int(std::ceil(tpm / 1000.0)), 1, 1000);
}

void openAi(const RenderInput& in, TerraformModule& m) {
    const QString role = in.roleWith(ServiceId::AzurermCognitiveDeployment);
    const int chat = chatCapacity(in, role);
    const bool cmk = in.customerManagedKeys();
    m.variable(s("openai_chat_model"), s("string"), s("Chat model deployed on Azure OpenAI."), text(s("gpt-4o-mini")));
    m.variable(s("openai_chat_model_version"), s("string"),
               s("Pinned version of the chat model (no automatic upgrades)."), text(s("2024-07-18")));
    m.variable(s("openai_embedding_model"), s("string"),
               s("Embedding model for the document chunks and the questions."), text(s("text-embedding-3-small")));

    HclWriter& f =
        m.file(s("llm.tf"), s("LLM: ") + in.component(role).value(s("service")).toString() +
                                s(", private endpoint, Entra ID only; regional Standard deployments keep prompts in ") +
                                in.region() + s("."));
    HclBlock account = azure(s("azurerm_cognitive_account"), s("openai"), s("aoai"));
    account.str(s("kind"), s("OpenAI"))
        .str(s("sku_name"), s("S0"))
        .attr(s("custom_subdomain_name"), HclValue::interpolated(s("${local.compact_name}aoai")))
        .flag(s("public_network_access_enabled"), false)
        .flag(s("local_auth_enabled"), false)
        .flag(s("outbound_network_access_restricted"), true)
        .block(HclBlock(s("network_acls")).str(s("default_action"), s("Deny")))
        .block(assignedIdentity(s("azurerm_user_assigned_identity.data")));
    if (cmk)
        account.block(HclBlock(s("customer_managed_key"))
                          .expr(s("key_vault_key_id"), s("azurerm_key_vault_key.data.id"))
                          .expr(s("identity_client_id"), s("azurerm_user_assigned_identity.data.client_id")));
    f.add(account.expr(s("tags"), s("local.tags")));
    // "Standard" (regional) rather than GlobalStandard: requests are processed in the account's region. The 3.x
    // provider names the block `scale` (it becomes `sku` in 4.0).
    f.add(resource(s("azurerm_cognitive_deployment"), s("chat"))
              .expr(s("name"), s("var.openai_chat_model"))
              .expr(s("cognitive_account_id"), s("azurerm_cognitive_account.openai.id"))
              .block(HclBlock(s("model"))
                         .str(s("format"), s("OpenAI"))
                         .expr(s("name"), s("var.openai_chat_model"))
                         .expr(s("version"), s("var.openai_chat_model_version")))
              .block(HclBlock(s("scale")).str(s("type"), s("Standard")).num(s("capacity"), chat))
              .str(s("version_upgrade_option"), s("NoAutoUpgrade")));
    // Questions are short next to answers and context; a tenth of the chat quota covers them and the
    // off-peak re-embedding of changed pages.
    f.add(resource(s("azurerm_cognitive_deployment"), s("embeddings"))
              .expr(s("name"), s("var.openai_embedding_model"))
              .expr(s("cognitive_account_id"), s("azurerm_cognitive_account.openai.id"))
              .block(HclBlock(s("model"))
                         .str(s("format"), s("OpenAI"))
                         .expr(s("name"), s("var.openai_embedding_model"))
                         .str(s("version"), s("1")))
              .block(HclBlock(s("scale")).str(s("type"), s("Standard")).num(s("capacity"), std::max(10, chat / 10)))
              .str(s("version_upgrade_option"), s("NoAutoUpgrade")));
    f.add(roleAssignment(s("serving_openai"), s("azurerm_cognitive_account.openai.id"),
                         s("Cognitive Services OpenAI User"), s("azurerm_user_assigned_identity.data.principal_id")));
    ensureEndpointSubnet(m);
    privateEndpoint(f, s("openai"), s("azurerm_cognitive_account.openai.id"), s("account"),
                    s("privatelink.openai.azure.com"));
    m.output(s("openai_endpoint"), s("azurerm_cognitive_account.openai.endpoint"),
             s("Azure OpenAI endpoint (private endpoint; Entra ID tokens)"));
}

void search(const RenderInput& in, TerraformModule& m) {
    const QString role = in.roleWith(ServiceId::AzurermSearchService);
    const int replicas = std::clamp(in.size(role).value(s("units")).toInt(1), 1, 3);
    const bool cmk = in.customerManagedKeys();
    HclWriter& f = m.file(s("vector_store.tf"),
                          s("Vector index: ") + in.component(role).value(s("service")).toString() + s(", ") +
                              QString::number(replicas) + s(" replica(s), Entra ID (RBAC) only, private endpoint."));
    f.add(azure(s("azurerm_search_service"), s("vectors"), s("srch"))
              .str(s("sku"), s("basic"))
              .num(s("replica_count"), replicas)
              .num(s("partition_count"), 1)
              .flag(s("public_network_access_enabled"), false)
              .flag(s("local_authentication_enabled"), false)
              .flag(s("customer_managed_key_enforcement_enabled"), cmk)
              .block(systemIdentity())
              .expr(s("tags"), s("local.tags")));
    if (cmk)
        f.add(roleAssignment(s("search_key"), s("azurerm_key_vault.main.id"),
                             s("Key Vault Crypto Service Encryption User"),
                             s("azurerm_search_service.vectors.identity[0].principal_id")));
    f.add(roleAssignment(s("serving_search"), s("azurerm_search_service.vectors.id"), s("Search Index Data Reader"),
                         s("azurerm_user_assigned_identity.data.principal_id")));
    ensureEndpointSubnet(m);
    privateEndpoint(f, s("search"), s("azurerm_search_service.vectors.id"), s("searchService"),
                    s("privatelink.search.windows.net"));
    m.output(s("search_service"), s("azurerm_search_service.vectors.name"),
             s("Azure AI Search service holding the vector index"));
}

QString cronFor(const RenderInput& in, const QJsonObject& size) {
    const int runs = size.value(s("runs_per_month")).toInt();
    if (runs >= 28)
        return s("0 2 * * *");
    if (runs >= 4)
        return s("0 2 * * 1");
    if (runs >= 1)
        return s("0 2 1 * *");
    return in.trainingSchedule();
}

void documentIngestion(const RenderInput& in, TerraformModule& m) {
    const QString role = in.roleWith(ServiceId::AzurermContainerAppJob);
    const QJsonObject size = in.size(role);
    // Consumption jobs take at most 2 vCPU, with 2 GiB per vCPU.
    const double cpu = std::clamp(size.value(s("vcpu")).toDouble(1), 0.5, 2.0);
    ensureContainerEnvironment(in, m);
    m.variable(s("ingestion_image"), s("string"),
               s("Container image of the document chunking and embedding job (pushed by CI)."), text(s("")));
    HclWriter& f = m.file(s("ingestion.tf"), s("Ingestion: ") + in.component(role).value(s("service")).toString() +
                                                 s(", a scheduled job that chunks and embeds the source documents."));
    f.add(userIdentity(s("ingestion"), s("ingest-id")));
    HclBlock container(s("container"));
    container.str(s("name"), s("ingest"))
        .expr(s("image"), s("var.ingestion_image"))
        .num(s("cpu"), cpu)
        .str(s("memory"), QString::number(cpu * 2) + s("Gi"))
        .block(HclBlock(s("env"))
                   .str(s("name"), s("AZURE_CLIENT_ID"))
                   .expr(s("value"), s("azurerm_user_assigned_identity.ingestion.client_id")))
        .block(HclBlock(s("env"))
                   .str(s("name"), s("LAKE_ACCOUNT"))
                   .expr(s("value"), s("azurerm_storage_account.data.name")));
    if (in.plans(ServiceId::AzurermSearchService))
        container.block(
            HclBlock(s("env"))
                .str(s("name"), s("SEARCH_ENDPOINT"))
                .attr(s("value"),
                      HclValue::interpolated(s("https://${azurerm_search_service.vectors.name}.search.windows.net"))));
    if (in.plans(ServiceId::AzurermCognitiveDeployment))
        container
            .block(HclBlock(s("env"))
                       .str(s("name"), s("OPENAI_ENDPOINT"))
                       .expr(s("value"), s("azurerm_cognitive_account.openai.endpoint")))
            .block(HclBlock(s("env"))
                       .str(s("name"), s("EMBEDDING_DEPLOYMENT"))
                       .expr(s("value"), s("azurerm_cognitive_deployment.embeddings.name")));
    HclBlock job = azure(s("azurerm_container_app_job"), s("ingestion"), s("ingest"));
    job.attr(s("name"),
             HclValue::interpolated(s("${local.compact_name}-ingest"))) // Container Apps names stop at 32 characters
        .expr(s("container_app_environment_id"), s("azurerm_container_app_environment.main.id"))
        .num(s("replica_timeout_in_seconds"),
             std::clamp(int(size.value(s("hours_per_run")).toDouble(1) * 3600), 600, 86400))
        .num(s("replica_retry_limit"), 2)
        .block(HclBlock(s("schedule_trigger_config"))
                   .str(s("cron_expression"), cronFor(in, size))
                   .num(s("parallelism"), std::max(1, size.value(s("workers")).toInt(1)))
                   .num(s("replica_completion_count"), 1))
        .block(assignedIdentity(s("azurerm_user_assigned_identity.ingestion")));
    if (in.has(s("container_registry")))
        job.block(HclBlock(s("registry"))
                      .expr(s("server"), s("azurerm_container_registry.images.login_server"))
                      .expr(s("identity"), s("azurerm_user_assigned_identity.ingestion.id")));
    f.add(job.block(HclBlock(s("template")).block(container)).expr(s("tags"), s("local.tags")));
    f.add(roleAssignment(s("ingestion_lake"), s("azurerm_storage_account.data.id"), s("Storage Blob Data Contributor"),
                         s("azurerm_user_assigned_identity.ingestion.principal_id")));
    if (in.plans(ServiceId::AzurermSearchService))
        f.add(roleAssignment(s("ingestion_search"), s("azurerm_search_service.vectors.id"),
                             s("Search Index Data Contributor"),
                             s("azurerm_user_assigned_identity.ingestion.principal_id")));
    if (in.plans(ServiceId::AzurermCognitiveDeployment))
        f.add(roleAssignment(s("ingestion_openai"), s("azurerm_cognitive_account.openai.id"),
                             s("Cognitive Services OpenAI User"),
                             s("azurerm_user_assigned_identity.ingestion.principal_id")));
    if (in.has(s("container_registry")))
        f.add(roleAssignment(s("ingestion_pull"), s("azurerm_container_registry.images.id"), s("AcrPull"),
                             s("azurerm_user_assigned_identity.ingestion.principal_id")));
}

} // namespace

void AzureGenerativeAi::render(const RenderInput& in, TerraformModule& m) {
    if (in.plans(ServiceId::AzurermCognitiveDeployment))
        openAi(in, m);
    if (in.plans(ServiceId::AzurermSearchService))
        search(in, m);
    if (in.plans(ServiceId::AzurermContainerAppJob))
        documentIngestion(in, m);
}

} // namespace mlops
