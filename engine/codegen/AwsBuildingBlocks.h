#pragma once

#include "codegen/RenderInput.h"
#include "codegen/TerraformModule.h"
#include "codegen/TerraformSyntax.h"

namespace mlops::AwsBuildingBlocks {

// Pieces every AWS component file is made of, so each service renderer wires to the same network, key, bucket and
// log conventions: the private VPC (aws_vpc.main, aws_subnet.private, aws_security_group.workloads), the lake bucket
// (aws_s3_bucket.data) and, when the compliance asks for it, the customer-managed key (aws_kms_key.data).

// The customer-managed key's ARN expression, or "" when provider-managed keys are enough.
QString kmsArn(const RenderInput& in);
// "arn:aws:<service>:<region>:<account>:<rest>" as a quoted HCL template (for policy resources).
QString accountArn(const QString& service, const QString& rest);

// A design that calls a managed foundation model (Bedrock) trains nothing: training.tf describes the model it calls.
bool managedFoundationModel(const RenderInput& in);
// An IAM role only `principal` (e.g. sagemaker.amazonaws.com) may assume.
HclBlock executionRole(const QString& name, const QString& principal, const QString& purpose);
// Read (and write) on the data bucket and use of the key: what every data-handling workload needs, and no more.
HclBlock dataAccessPolicy(const RenderInput& in, const QString& roleName, bool write);
// An inline policy `<roleName>_<suffix>` on aws_iam_role.<roleName>.
HclBlock rolePolicy(const QString& roleName, const QString& suffix,
                    const QList<TerraformSyntax::Statement>& statements);
// What a service needs to place its network interfaces in the private subnets: describe calls (not scopable) and
// interface changes limited to the module's VPC.
QList<TerraformSyntax::Statement> vpcAccessStatements();
// SageMaker names its instance types with an ml. prefix ("m6i.large" -> "ml.m6i.large").
QString sageMakerInstanceType(QString type);
// What a SageMaker model container needs to pull the model-server image from this module's ECR repositories (the
// token call cannot be scoped).
QList<TerraformSyntax::Statement> imagePullStatements();
// Security-group egress rules the private workloads share: anything inside the VPC, and HTTPS to S3 through the
// gateway endpoint (the VPC has no internet path).
HclBlock vpcEgress();
HclBlock s3GatewayEgress();
// A log group with the design's retention, encrypted with the data key when there is one. The scanner checks the
// design answers otherwise (a customer-managed key the compliance does not ask for, a year of retention the plan does
// not keep) are suppressed in the block with the reason.
HclBlock logGroup(const RenderInput& in, const QString& name, const QString& path);
// Suppresses a scanner check that does not fit the design, inside the resource block and with the reason, in our form
// (`# mlops:skip=<ruleId>: reason`, the Checkov id when `ruleId` is empty) and in Checkov's
// (`#checkov:skip=<checkovId>:reason`), so both scanners list it as suppressed instead of failed.
HclBlock& suppress(HclBlock& block, const QString& checkovId, const QString& reason, const QString& ruleId = {});
// The security group of the VPC's interface endpoints (HTTPS from the VPC), created in network.tf on first use.
QString endpointSecurityGroup(TerraformModule& m);
// An interface endpoint in network.tf that keeps calls to an AWS API inside the VPC (the design has no NAT and no
// internet path); written once however many components need it. `service` is the suffix after
// com.amazonaws.<region>. (e.g. "sts"), or a full template for the few services named otherwise
// ("aws.sagemaker.${var.region}.studio").
void interfaceEndpoint(TerraformModule& m, const QString& name, const QString& service);
// The ECS/Batch container `logConfiguration`: awslogs into aws_cloudwatch_log_group.<logGroup>, streams prefixed.
HclValue awsLogsConfiguration(const QString& logGroup, const QString& streamPrefix);
// An EventBridge Scheduler schedule `<name>` that starts `targetArn` (an expression) on the plan's training schedule,
// with the role `scheduler` allowed only `startAction` on that target.
void scheduledStart(const RenderInput& in, HclWriter& f, const QString& name, const QString& purpose,
                    const QString& startAction, const QString& targetArn);
// Application Auto Scaling of the model server: aws_appautoscaling_target "serving" on `resourceId` (a template)
// between the plan's replica counts, and the target-tracking policy `policy` ("serving_cpu" is named
// "<name>-serving-cpu") whose target_tracking_scaling_policy_configuration is `tracking`.
void servingAutoscaling(HclWriter& f, const QString& resourceId, const QString& dimension,
                        const QString& serviceNamespace, int minReplicas, int maxReplicas, const QString& policy,
                        const HclBlock& tracking);
// The state machine `machine` (a Step Functions resource `name` without logging or tracing) written to `f` with its
// execution history (level ALL) in a log group of its own and X-Ray tracing on, and what the role `roleName` needs to
// deliver both (log delivery and X-Ray calls take no resource ARN).
void observedStateMachine(const RenderInput& in, HclWriter& f, HclBlock machine, const QString& name,
                          const QString& roleName);
// The internal HTTPS application load balancer in front of the model server (aws_lb.serving, its IP target group on
// 8080 and a TLS 1.3 listener), with the certificate variable it needs.
void internalLoadBalancer(TerraformModule& m, HclWriter& f);

} // namespace mlops::AwsBuildingBlocks
