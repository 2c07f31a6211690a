#pragma once

#include <QLatin1String>

#include <array>

// The catalogue service ids (resources/knowledge/services.yaml, `service_id` of a component per cloud) that code
// generation branches on: which renderer a plan component gets is decided by comparing its service_id with these,
// never with a string literal, so a renamed catalogue entry fails tst_codegen_service_ids instead of silently
// rendering the fallback. The names spell the id; see docs/architecture.md (Code generation).
namespace mlops::ServiceId {

// AWS (hashicorp/aws)
inline constexpr QLatin1String AwsBatchJobDefinition{"aws_batch_job_definition"};
inline constexpr QLatin1String AwsBedrockModelInvocationLoggingConfiguration{
    "aws_bedrock_model_invocation_logging_configuration"};
inline constexpr QLatin1String AwsDynamodbTable{"aws_dynamodb_table"};
inline constexpr QLatin1String AwsEcsService{"aws_ecs_service"};
inline constexpr QLatin1String AwsEksCluster{"aws_eks_cluster"};
inline constexpr QLatin1String AwsEksNodeGroup{"aws_eks_node_group"};
inline constexpr QLatin1String AwsGlueCatalogTable{"aws_glue_catalog_table"};
inline constexpr QLatin1String AwsGlueJob{"aws_glue_job"};
inline constexpr QLatin1String AwsGreengrassv2ComponentVersion{"aws_greengrassv2_component_version"};
inline constexpr QLatin1String AwsIotThingGroup{"aws_iot_thing_group"};
inline constexpr QLatin1String AwsKinesisStream{"aws_kinesis_stream"};
inline constexpr QLatin1String AwsLambdaFunction{"aws_lambda_function"};
inline constexpr QLatin1String AwsLb{"aws_lb"};
inline constexpr QLatin1String AwsMskCluster{"aws_msk_cluster"};
inline constexpr QLatin1String AwsOpensearchserverlessCollection{"aws_opensearchserverless_collection"};
inline constexpr QLatin1String AwsPrometheusWorkspace{"aws_prometheus_workspace"};
inline constexpr QLatin1String AwsRoute53Record{"aws_route53_record"};
inline constexpr QLatin1String AwsSagemakerDomain{"aws_sagemaker_domain"};
inline constexpr QLatin1String AwsSagemakerEndpoint{"aws_sagemaker_endpoint"};
inline constexpr QLatin1String AwsSagemakerFeatureGroup{"aws_sagemaker_feature_group"};
inline constexpr QLatin1String AwsSagemakerMlflowTrackingServer{"aws_sagemaker_mlflow_tracking_server"};
inline constexpr QLatin1String AwsSagemakerModel{"aws_sagemaker_model"};
inline constexpr QLatin1String AwsSagemakerMonitoringSchedule{"aws_sagemaker_monitoring_schedule"};
inline constexpr QLatin1String AwsSagemakerPipeline{"aws_sagemaker_pipeline"};

// GCP (hashicorp/google)
inline constexpr QLatin1String GoogleCloudRunV2Service{"google_cloud_run_v2_service"};
inline constexpr QLatin1String GoogleContainerCluster{"google_container_cluster"};
inline constexpr QLatin1String GoogleContainerNodePool{"google_container_node_pool"};
inline constexpr QLatin1String GoogleDataflowFlexTemplateJob{"google_dataflow_flex_template_job"};
inline constexpr QLatin1String GooglePubsubTopic{"google_pubsub_topic"};
inline constexpr QLatin1String GoogleVertexAiEndpoint{"google_vertex_ai_endpoint"};
inline constexpr QLatin1String GoogleVertexAiFeatureGroup{"google_vertex_ai_feature_group"};
inline constexpr QLatin1String GoogleVertexAiFeatureOnlineStore{"google_vertex_ai_feature_online_store"};

// Azure (hashicorp/azurerm)
inline constexpr QLatin1String AzurermApiManagement{"azurerm_api_management"};
inline constexpr QLatin1String AzurermApplicationLoadBalancer{"azurerm_application_load_balancer"};
inline constexpr QLatin1String AzurermCognitiveDeployment{"azurerm_cognitive_deployment"};
inline constexpr QLatin1String AzurermContainerApp{"azurerm_container_app"};
inline constexpr QLatin1String AzurermContainerAppJob{"azurerm_container_app_job"};
inline constexpr QLatin1String AzurermDatabricksWorkspace{"azurerm_databricks_workspace"};
inline constexpr QLatin1String AzurermEventhubNamespace{"azurerm_eventhub_namespace"};
inline constexpr QLatin1String AzurermKubernetesCluster{"azurerm_kubernetes_cluster"};
inline constexpr QLatin1String AzurermKubernetesClusterNodePool{"azurerm_kubernetes_cluster_node_pool"};
inline constexpr QLatin1String AzurermMachineLearningComputeCluster{"azurerm_machine_learning_compute_cluster"};
inline constexpr QLatin1String AzurermMonitorWorkspace{"azurerm_monitor_workspace"};
inline constexpr QLatin1String AzurermRedisCache{"azurerm_redis_cache"};
inline constexpr QLatin1String AzurermSearchService{"azurerm_search_service"};
inline constexpr QLatin1String AzurermStreamAnalyticsJob{"azurerm_stream_analytics_job"};
inline constexpr QLatin1String AzurermSynapseWorkspace{"azurerm_synapse_workspace"};

// On-prem: Kubernetes objects and Helm releases (one named instance per component)
inline constexpr QLatin1String HelmReleaseArgoWorkflows{"helm_release.argo_workflows"};
inline constexpr QLatin1String HelmReleaseIngressNginx{"helm_release.ingress_nginx"};
inline constexpr QLatin1String HelmReleaseKubePrometheusStack{"helm_release.kube_prometheus_stack"};
inline constexpr QLatin1String HelmReleaseMlflow{"helm_release.mlflow"};
inline constexpr QLatin1String KubernetesDeployment{"kubernetes_deployment"};
inline constexpr QLatin1String KubernetesJob{"kubernetes_job"};
inline constexpr QLatin1String KubernetesManifestInferenceService{"kubernetes_manifest.inference_service"};
inline constexpr QLatin1String KubernetesStatefulSetMinio{"kubernetes_stateful_set.minio"};

// Every id above, in the order declared (the test checks each against the catalogue).
inline constexpr std::array all{
    AwsBatchJobDefinition,
    AwsBedrockModelInvocationLoggingConfiguration,
    AwsDynamodbTable,
    AwsEcsService,
    AwsEksCluster,
    AwsEksNodeGroup,
    AwsGlueCatalogTable,
    AwsGlueJob,
    AwsGreengrassv2ComponentVersion,
    AwsIotThingGroup,
    AwsKinesisStream,
    AwsLambdaFunction,
    AwsLb,
    AwsMskCluster,
    AwsOpensearchserverlessCollection,
    AwsPrometheusWorkspace,
    AwsRoute53Record,
    AwsSagemakerDomain,
    AwsSagemakerEndpoint,
    AwsSagemakerFeatureGroup,
    AwsSagemakerMlflowTrackingServer,
    AwsSagemakerModel,
    AwsSagemakerMonitoringSchedule,
    AwsSagemakerPipeline,
    AzurermApiManagement,
    AzurermApplicationLoadBalancer,
    AzurermCognitiveDeployment,
    AzurermContainerApp,
    AzurermContainerAppJob,
    AzurermDatabricksWorkspace,
    AzurermEventhubNamespace,
    AzurermKubernetesCluster,
    AzurermKubernetesClusterNodePool,
    AzurermMachineLearningComputeCluster,
    AzurermMonitorWorkspace,
    AzurermRedisCache,
    AzurermSearchService,
    AzurermStreamAnalyticsJob,
    AzurermSynapseWorkspace,
    GoogleCloudRunV2Service,
    GoogleContainerCluster,
    GoogleContainerNodePool,
    GoogleDataflowFlexTemplateJob,
    GooglePubsubTopic,
    GoogleVertexAiEndpoint,
    GoogleVertexAiFeatureGroup,
    GoogleVertexAiFeatureOnlineStore,
    HelmReleaseArgoWorkflows,
    HelmReleaseIngressNginx,
    HelmReleaseKubePrometheusStack,
    HelmReleaseMlflow,
    KubernetesDeployment,
    KubernetesJob,
    KubernetesManifestInferenceService,
    KubernetesStatefulSetMinio,
};

} // namespace mlops::ServiceId
