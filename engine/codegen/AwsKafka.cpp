#include "codegen/AwsKafka.h"

#include "codegen/AwsBuildingBlocks.h"

namespace mlops {

using namespace TerraformSyntax;
using namespace AwsBuildingBlocks;

void AwsKafka::cluster(const RenderInput& in, TerraformModule& m, HclWriter& f) {
    const QJsonObject size = in.size(s("ingestion"));
    QString instance = size.value(s("instance_type")).toString();
    if (!instance.startsWith(QLatin1String("kafka.")))
        instance = s("kafka.m5.large"); // the catalogue's sizing (3 brokers, kafka.m5.large)
    m.variable(s("kafka_instance_type"), s("string"), s("Broker instance type of the MSK cluster (from the plan)."),
               text(instance));
    m.variable(s("kafka_broker_volume_gb"), s("number"), s("EBS volume per broker (GB)."),
               HclValue::num(std::max(100, size.value(s("storage_gb")).toInt(100))));
    f.add(resource(s("aws_security_group"), s("kafka"))
              .attr(s("name"), named(s("kafka")))
              .str(s("description"), s("Kafka over TLS with IAM auth, from inside the VPC only"))
              .expr(s("vpc_id"), s("aws_vpc.main.id"))
              .block(HclBlock(s("ingress"))
                         .str(s("description"), s("Kafka TLS + IAM from the VPC"))
                         .num(s("from_port"), 9098)
                         .num(s("to_port"), 9098)
                         .str(s("protocol"), s("tcp"))
                         .attr(s("cidr_blocks"), refs({s("var.vpc_cidr")})))
              .block(vpcEgress()));
    f.add(logGroup(in, s("kafka"), s("/aws/msk/${local.name}")));
    HclBlock encryption(s("encryption_info"));
    if (in.customerManagedKeys())
        encryption.expr(s("encryption_at_rest_kms_key_arn"), kmsArn(in));
    encryption.block(
        HclBlock(s("encryption_in_transit")).str(s("client_broker"), s("TLS")).flag(s("in_cluster"), true));
    f.add(resource(s("aws_msk_cluster"), s("events"))
              .attr(s("cluster_name"), named(s("events")))
              .str(s("kafka_version"), s("3.6.0"))
              .expr(s("number_of_broker_nodes"), s("length(aws_subnet.private)"))
              .block(HclBlock(s("broker_node_group_info"))
                         .expr(s("instance_type"), s("var.kafka_instance_type"))
                         .attr(s("client_subnets"), ref(s("aws_subnet.private[*].id")))
                         .attr(s("security_groups"), refs({s("aws_security_group.kafka.id")}))
                         .block(HclBlock(s("storage_info"))
                                    .block(HclBlock(s("ebs_storage_info"))
                                               .expr(s("volume_size"), s("var.kafka_broker_volume_gb")))))
              .block(encryption)
              .block(HclBlock(s("client_authentication"))
                         .flag(s("unauthenticated"), false)
                         .block(HclBlock(s("sasl")).flag(s("iam"), true)))
              .block(HclBlock(s("logging_info"))
                         .block(HclBlock(s("broker_logs"))
                                    .block(HclBlock(s("cloudwatch_logs"))
                                               .flag(s("enabled"), true)
                                               .expr(s("log_group"), s("aws_cloudwatch_log_group.kafka.name"))))));
    m.output(s("kafka_bootstrap_brokers"), s("aws_msk_cluster.events.bootstrap_brokers_sasl_iam"),
             s("Bootstrap brokers (TLS, IAM auth) producers and consumers connect to"));
    if (!in.has(s("streaming")))
        return;
    // The stream processor reads and writes the cluster's topics and nothing else.
    const QString topics = s("\"arn:aws:kafka:${var.region}:${data.aws_caller_identity.current.account_id}:%1/"
                             "${aws_msk_cluster.events.cluster_name}/*\"");
    f.add(resource(s("aws_iam_role_policy"), s("streaming_kafka"))
              .attr(s("name"), named(s("streaming-kafka")))
              .expr(s("role"), s("aws_iam_role.streaming.id"))
              .attr(s("policy"), awsPolicy({{{s("kafka-cluster:Connect"), s("kafka-cluster:DescribeCluster")},
                                             {s("aws_msk_cluster.events.arn")}},
                                            {{s("kafka-cluster:DescribeTopic"), s("kafka-cluster:ReadData"),
                                              s("kafka-cluster:WriteData")},
                                             {topics.arg(s("topic"))}},
                                            {{s("kafka-cluster:AlterGroup"), s("kafka-cluster:DescribeGroup")},
                                             {topics.arg(s("group"))}}})));
}

} // namespace mlops
