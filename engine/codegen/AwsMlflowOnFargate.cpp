#include "codegen/AwsMlflowOnFargate.h"

#include "codegen/AwsBuildingBlocks.h"

namespace mlops {

using namespace TerraformSyntax;
using namespace AwsBuildingBlocks;

void AwsMlflowOnFargate::render(const RenderInput& in, TerraformModule& m, bool servingClusterExists) {
    HclWriter& f = m.file(s("tracking.tf"),
                          s("Experiment tracking: ") + in.component(s("tracking")).value(s("service")).toString());
    m.variable(s("mlflow_image"), s("string"), s("MLflow server image (pinned version)."),
               text(s("ghcr.io/mlflow/mlflow:v2.16.2")));
    if (!servingClusterExists)
        f.add(resource(s("aws_ecs_cluster"), s("main"))
                  .attr(s("name"), named(s("cluster")))
                  .block(HclBlock(s("setting")).str(s("name"), s("containerInsights")).str(s("value"), s("enabled"))));
    f.add(logGroup(in, s("tracking"), s("/ecs/${local.name}-mlflow")));
    f.add(resource(s("aws_security_group"), s("tracking"))
              .attr(s("name"), named(s("mlflow")))
              .str(s("description"), s("MLflow UI and API from inside the VPC only"))
              .expr(s("vpc_id"), s("aws_vpc.main.id"))
              .block(HclBlock(s("ingress"))
                         .str(s("description"), s("MLflow from the VPC"))
                         .num(s("from_port"), 5000)
                         .num(s("to_port"), 5000)
                         .str(s("protocol"), s("tcp"))
                         .attr(s("cidr_blocks"), refs({s("var.vpc_cidr")})))
              .block(vpcEgress())
              .block(s3GatewayEgress()));
    f.add(resource(s("aws_security_group"), s("tracking_store"))
              .attr(s("name"), named(s("mlflow-store")))
              .str(s("description"), s("NFS from the MLflow task only"))
              .expr(s("vpc_id"), s("aws_vpc.main.id"))
              .block(HclBlock(s("ingress"))
                         .str(s("description"), s("NFS from MLflow"))
                         .num(s("from_port"), 2049)
                         .num(s("to_port"), 2049)
                         .str(s("protocol"), s("tcp"))
                         .attr(s("security_groups"), refs({s("aws_security_group.tracking.id")}))));
    HclBlock store = resource(s("aws_efs_file_system"), s("tracking"));
    store.attr(s("creation_token"), named(s("mlflow"))).flag(s("encrypted"), true);
    if (in.customerManagedKeys())
        store.expr(s("kms_key_id"), kmsArn(in));
    f.add(store);
    f.add(resource(s("aws_efs_mount_target"), s("tracking"))
              .expr(s("count"), s("length(aws_subnet.private)"))
              .expr(s("file_system_id"), s("aws_efs_file_system.tracking.id"))
              .expr(s("subnet_id"), s("aws_subnet.private[count.index].id"))
              .attr(s("security_groups"), refs({s("aws_security_group.tracking_store.id")})));
    // Root is squashed on EFS with IAM authorisation: the access point makes every write uid 1000 in a directory
    // it owns, so the SQLite file is writable without granting ClientRootAccess.
    f.add(resource(s("aws_efs_access_point"), s("tracking"))
              .expr(s("file_system_id"), s("aws_efs_file_system.tracking.id"))
              .block(HclBlock(s("posix_user")).num(s("uid"), 1000).num(s("gid"), 1000))
              .block(HclBlock(s("root_directory"))
                         .str(s("path"), s("/mlflow"))
                         .block(HclBlock(s("creation_info"))
                                    .num(s("owner_uid"), 1000)
                                    .num(s("owner_gid"), 1000)
                                    .str(s("permissions"), s("750")))));
    f.add(executionRole(s("tracking_task"), s("ecs-tasks.amazonaws.com"), s("Identity of the MLflow server")));
    QList<Statement> st{
        {{s("s3:ListBucket")}, {s("aws_s3_bucket.data.arn")}},
        {{s("s3:GetObject"), s("s3:PutObject"), s("s3:DeleteObject")}, {s("\"${aws_s3_bucket.data.arn}/mlflow/*\"")}},
        {{s("elasticfilesystem:ClientMount"), s("elasticfilesystem:ClientWrite")},
         {s("aws_efs_file_system.tracking.arn")}}};
    if (in.customerManagedKeys())
        st.append({{s("kms:Decrypt"), s("kms:GenerateDataKey")}, {s("aws_kms_key.data.arn")}});
    f.add(resource(s("aws_iam_role_policy"), s("tracking_task"))
              .attr(s("name"), named(s("mlflow-artifacts")))
              .expr(s("role"), s("aws_iam_role.tracking_task.id"))
              .attr(s("policy"), awsPolicy(st)));
    f.add(executionRole(s("tracking_execution"), s("ecs-tasks.amazonaws.com"),
                        s("Pulls the MLflow image and writes its logs")));
    f.add(resource(s("aws_iam_role_policy_attachment"), s("tracking_execution"))
              .expr(s("role"), s("aws_iam_role.tracking_execution.name"))
              .str(s("policy_arn"), s("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")));
    const HclValue containers = HclValue::call(
        s("jsonencode"),
        HclValue::list({HclValue::object(
            {{s("name"), text(s("mlflow"))},
             {s("image"), ref(s("var.mlflow_image"))},
             {s("essential"), HclValue::boolean(true)},
             {s("command"), HclValue::list({text(s("mlflow")), text(s("server")), text(s("--host")), text(s("0.0.0.0")),
                                            text(s("--port")), text(s("5000")), text(s("--backend-store-uri")),
                                            text(s("sqlite:////mlflow/mlflow.db")), text(s("--artifacts-destination")),
                                            HclValue::interpolated(s("s3://${aws_s3_bucket.data.bucket}/mlflow"))})},
             {s("portMappings"), HclValue::list({HclValue::object(
                                     {{s("containerPort"), HclValue::num(5000)}, {s("protocol"), text(s("tcp"))}})})},
             {s("mountPoints"), HclValue::list({HclValue::object({{s("sourceVolume"), text(s("store"))},
                                                                  {s("containerPath"), text(s("/mlflow"))}})})},
             {s("logConfiguration"), awsLogsConfiguration(s("tracking"), s("mlflow"))}})}));
    f.add(resource(s("aws_ecs_task_definition"), s("tracking"))
              .attr(s("family"), named(s("mlflow")))
              .attr(s("requires_compatibilities"), HclValue::strings({s("FARGATE")}))
              .str(s("network_mode"), s("awsvpc"))
              .str(s("cpu"), s("512"))
              .str(s("memory"), s("1024"))
              .expr(s("task_role_arn"), s("aws_iam_role.tracking_task.arn"))
              .expr(s("execution_role_arn"), s("aws_iam_role.tracking_execution.arn"))
              .attr(s("container_definitions"), containers)
              .block(HclBlock(s("volume"))
                         .str(s("name"), s("store"))
                         .block(HclBlock(s("efs_volume_configuration"))
                                    .expr(s("file_system_id"), s("aws_efs_file_system.tracking.id"))
                                    .str(s("transit_encryption"), s("ENABLED"))
                                    .block(HclBlock(s("authorization_config"))
                                               .expr(s("access_point_id"), s("aws_efs_access_point.tracking.id"))
                                               .str(s("iam"), s("ENABLED"))))));
    f.add(resource(s("aws_ecs_service"), s("tracking"))
              .attr(s("name"), named(s("mlflow")))
              .expr(s("cluster"), s("aws_ecs_cluster.main.id"))
              .expr(s("task_definition"), s("aws_ecs_task_definition.tracking.arn"))
              .num(s("desired_count"), 1) // SQLite allows one writer
              .str(s("launch_type"), s("FARGATE"))
              .block(HclBlock(s("network_configuration"))
                         .attr(s("subnets"), ref(s("aws_subnet.private[*].id")))
                         .attr(s("security_groups"), refs({s("aws_security_group.tracking.id")}))
                         .flag(s("assign_public_ip"), false))
              .attr(s("depends_on"), refs({s("aws_efs_mount_target.tracking")})));
    m.output(s("mlflow_service"), s("aws_ecs_service.tracking.name"),
             s("ECS service running MLflow (port 5000 inside the VPC)"));
}

} // namespace mlops
