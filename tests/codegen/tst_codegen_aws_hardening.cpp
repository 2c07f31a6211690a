// The AWS security baseline as classes of resources, over every AWS golden design: each VPC has a flow log (all
// traffic, to an encrypted log group the data key's policy lets CloudWatch Logs use, written by a role only the flow
// log service assumes) and a locked-down default security group; each bucket logs its requests to an access-log
// bucket the configuration creates (and that bucket is hardened itself and declares why it does not log); each Glue
// job and crawler names a security configuration that exists. A check that fits no design is suppressed inline with
// a reason, in our form and in Checkov's.
#include "DesignFixture.h"
#include "TestSupport.h"

#include "codegen/RepositoryRenderer.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QtTest>

using namespace mlops;

namespace {

QString str(const QJsonObject& o, const char* key) {
    return o.value(QLatin1String(key)).toString();
}

QList<QJsonObject> ofType(const QJsonArray& resources, const QString& type) {
    QList<QJsonObject> out;
    for (const QJsonValue& v : resources) {
        if (str(v.toObject(), "type") == type)
            out.append(v.toObject());
    }
    return out;
}

// The resource `type.name`, or an empty object.
QJsonObject find(const QJsonArray& resources, const QString& type, const QString& name) {
    for (const QJsonObject& r : ofType(resources, type)) {
        if (str(r, "name") == name)
            return r;
    }
    return {};
}

QJsonObject attributes(const QJsonObject& r) {
    return r.value(QStringLiteral("attributes")).toObject();
}

// "${aws_s3_bucket.logs.id}" -> {"aws_s3_bucket", "logs"}, or {} when the value is no such reference.
QStringList referenced(const QJsonValue& value, const QString& type) {
    static const QRegularExpression refRx(QStringLiteral("^\\$\\{([a-z0-9_]+)\\.([A-Za-z0-9_-]+)\\.[a-z_]+\\}$"));
    const QRegularExpressionMatch m = refRx.match(value.toString());
    if (!m.hasMatch() || m.captured(1) != type)
        return {};
    return {m.captured(1), m.captured(2)};
}

QString compact(const QJsonValue& v) {
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return v.toString();
}

// IAM-style wildcard match ("*" any run, "?" one character) of an ARN against a policy pattern.
bool arnLike(const QString& pattern, const QString& arn) {
    // Not QRegularExpression::wildcardToRegularExpression: its "*" stops at "/", IAM's does not.
    QString rx = QRegularExpression::escape(pattern);
    rx.replace(QLatin1String("\\*"), QLatin1String(".*")).replace(QLatin1String("\\?"), QLatin1String("."));
    return QRegularExpression(QRegularExpression::anchoredPattern(rx)).match(arn).hasMatch();
}

// A template as the resource model shows it (`${"/aws/vpc/${local.name}"}`) -> its text (`/aws/vpc/${local.name}`).
QString templateText(const QString& value) {
    if (value.startsWith(QLatin1String("${\"")) && value.endsWith(QLatin1String("\"}")))
        return value.mid(3, value.size() - 5);
    return value;
}

QJsonArray asArray(const QJsonValue& v) {
    return v.isArray() ? v.toArray() : QJsonArray{v};
}

// Whether the data key's policy lets CloudWatch Logs use the key for the log group named `logGroupName` (a template
// as the generator writes it): a logs service principal, the encrypt/decrypt actions, and an encryption-context
// condition whose ARN pattern covers the group.
bool keyPolicyAllowsLogGroup(const QJsonObject& key, const QString& logGroupName) {
    const QString arn = QStringLiteral("arn:aws:logs:${var.region}:${data.aws_caller_identity.current.account_id}"
                                       ":log-group:") +
                        templateText(logGroupName);
    for (const QJsonValue& st :
         attributes(key).value(QStringLiteral("policy")).toObject().value(QStringLiteral("Statement")).toArray()) {
        const QJsonObject s = st.toObject();
        if (str(s, "Effect") != QLatin1String("Allow"))
            continue;
        const QString service =
            compact(s.value(QStringLiteral("Principal")).toObject().value(QStringLiteral("Service")));
        if (!templateText(service).startsWith(QLatin1String("logs.")))
            continue;
        const QJsonArray actions = asArray(s.value(QStringLiteral("Action")));
        if (!actions.contains(QStringLiteral("kms:Encrypt")) || !actions.contains(QStringLiteral("kms:Decrypt")))
            continue;
        const QJsonObject like =
            s.value(QStringLiteral("Condition")).toObject().value(QStringLiteral("ArnLike")).toObject();
        for (const QJsonValue& p : asArray(like.value(QStringLiteral("kms:EncryptionContext:aws:logs:arn")))) {
            if (arnLike(templateText(p.toString()), arn))
                return true;
        }
    }
    return false;
}

// The text of the resource block starting at `line` (1-based) of `text`, up to its closing brace at column 0.
QString blockText(const QString& text, int line) {
    const QStringList lines = text.split(QLatin1Char('\n'));
    QStringList out;
    for (qsizetype i = line - 1; i < lines.size(); ++i) {
        out.append(lines.at(i));
        if (lines.at(i) == QLatin1String("}"))
            break;
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace

class TestCodegenAwsHardening : public QObject {
    Q_OBJECT

    struct Design {
        RenderInput in;
        QJsonArray resources;
        GeneratedRepository repo;
    };

    static Design design(const QString& name) {
        const RenderInput in = RenderInput::fromState(test::frozenDesignState(name));
        return {in, RepositoryRenderer::terraformResources(in), RepositoryRenderer(test::knowledge()).render(in)};
    }

    static void awsGoldens() {
        QTest::addColumn<QString>("name");
        const QDir prompts(test::dataPath(QStringLiteral("codegen/prompts")));
        const QStringList names = prompts.entryList({QStringLiteral("aws-*.txt")}, QDir::Files, QDir::Name);
        QVERIFY(names.size() >= 11);
        for (const QString& n : names)
            QTest::newRow(qPrintable(QFileInfo(n).completeBaseName())) << QFileInfo(n).completeBaseName();
    }

    static QString textOf(const Design& d, const QJsonObject& r) {
        return blockText(QString::fromUtf8(d.repo.content(str(r, "file"))), r.value(QStringLiteral("line")).toInt());
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Every aws_vpc has an aws_flow_log of all traffic into a log group of the configuration, with the plan's
    // retention, encrypted with the data key when there is one (and the key policy lets CloudWatch Logs use the key
    // for that group), delivered by a role only vpc-flow-logs.amazonaws.com assumes, allowed only that group.
    void vpcFlowLogs_data() { awsGoldens(); }
    void vpcFlowLogs() {
        QFETCH(QString, name);
        const Design d = design(name);
        const QList<QJsonObject> vpcs = ofType(d.resources, QStringLiteral("aws_vpc"));
        QVERIFY(!vpcs.isEmpty());
        for (const QJsonObject& vpc : vpcs) {
            const QString vpcRef = QStringLiteral("${aws_vpc.") + str(vpc, "name") + QStringLiteral(".id}");
            QJsonObject flow;
            for (const QJsonObject& f : ofType(d.resources, QStringLiteral("aws_flow_log"))) {
                if (attributes(f).value(QStringLiteral("vpc_id")).toString() == vpcRef)
                    flow = attributes(f);
            }
            QVERIFY2(!flow.isEmpty(), qPrintable(name + QStringLiteral(": no aws_flow_log for ") + vpcRef));
            QCOMPARE(str(flow, "traffic_type"), QStringLiteral("ALL"));
            const QStringList group =
                referenced(flow.value(QStringLiteral("log_destination")), QStringLiteral("aws_cloudwatch_log_group"));
            QVERIFY2(group.size() == 2, qPrintable(compact(flow)));
            const QJsonObject logGroup = find(d.resources, group[0], group[1]);
            QVERIFY2(!logGroup.isEmpty(), qPrintable(group.join(QLatin1Char('.'))));
            QVERIFY(attributes(logGroup).value(QStringLiteral("retention_in_days")).toInt() >=
                    std::min(d.in.logRetentionDays(), 3653));
            if (d.in.customerManagedKeys()) {
                QCOMPARE(str(attributes(logGroup), "kms_key_id"), QStringLiteral("${aws_kms_key.data.arn}"));
                QVERIFY2(
                    keyPolicyAllowsLogGroup(find(d.resources, QStringLiteral("aws_kms_key"), QStringLiteral("data")),
                                            str(attributes(logGroup), "name")),
                    qPrintable(str(attributes(logGroup), "name")));
            }
            const QStringList role =
                referenced(flow.value(QStringLiteral("iam_role_arn")), QStringLiteral("aws_iam_role"));
            QVERIFY2(role.size() == 2, qPrintable(compact(flow)));
            const QJsonObject trust = attributes(find(d.resources, role[0], role[1]));
            QVERIFY2(compact(trust.value(QStringLiteral("assume_role_policy")))
                         .contains(QLatin1String("\"Service\":\"vpc-flow-logs.amazonaws.com\"")),
                     qPrintable(compact(trust)));
            // The role's policies name only the flow log group.
            const QString roleRef = QStringLiteral("${aws_iam_role.") + role[1] + QStringLiteral(".id}");
            int policies = 0;
            for (const QJsonObject& p : ofType(d.resources, QStringLiteral("aws_iam_role_policy"))) {
                if (str(attributes(p), "role") != roleRef)
                    continue;
                ++policies;
                for (const QJsonValue& st : attributes(p)
                                                .value(QStringLiteral("policy"))
                                                .toObject()
                                                .value(QStringLiteral("Statement"))
                                                .toArray()) {
                    for (const QJsonValue& r : asArray(st.toObject().value(QStringLiteral("Resource"))))
                        QVERIFY2(r.toString().contains(QStringLiteral("aws_cloudwatch_log_group.") + group[1]),
                                 qPrintable(compact(st)));
                }
            }
            QVERIFY(policies > 0);
        }
    }

    // Every aws_vpc has an aws_default_security_group without rules (the default group then denies all traffic).
    void defaultSecurityGroupLockedDown_data() { awsGoldens(); }
    void defaultSecurityGroupLockedDown() {
        QFETCH(QString, name);
        const Design d = design(name);
        for (const QJsonObject& vpc : ofType(d.resources, QStringLiteral("aws_vpc"))) {
            const QString vpcRef = QStringLiteral("${aws_vpc.") + str(vpc, "name") + QStringLiteral(".id}");
            int found = 0;
            for (const QJsonObject& g : ofType(d.resources, QStringLiteral("aws_default_security_group"))) {
                if (str(attributes(g), "vpc_id") != vpcRef)
                    continue;
                ++found;
                QVERIFY2(!attributes(g).contains(QStringLiteral("ingress")) &&
                             !attributes(g).contains(QStringLiteral("egress")),
                         qPrintable(compact(attributes(g))));
            }
            QVERIFY2(found == 1, qPrintable(name + QStringLiteral(": default security group of ") + vpcRef));
        }
        // Rule resources would re-open the default group.
        for (const char* type :
             {"aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule", "aws_security_group_rule"}) {
            for (const QJsonObject& r : ofType(d.resources, QString::fromLatin1(type)))
                QVERIFY(
                    !str(attributes(r), "security_group_id").startsWith(QLatin1String("${aws_default_security_group")));
        }
    }

    // Every bucket but the access-log bucket logs to a bucket of the configuration; that bucket blocks public access,
    // owns its objects (ACLs disabled, log delivery granted by bucket policy), encrypts with SSE-S3 (server access log
    // delivery does not write to SSE-KMS default-encrypted targets), is versioned, expires logs, refuses plain HTTP
    // with a Principal on every statement, and says inline why it does not log to itself.
    void bucketAccessLogging_data() { awsGoldens(); }
    void bucketAccessLogging() {
        QFETCH(QString, name);
        const Design d = design(name);
        QSet<QString> targets;
        const QList<QJsonObject> buckets = ofType(d.resources, QStringLiteral("aws_s3_bucket"));
        QVERIFY(!buckets.isEmpty());
        for (const QJsonObject& b : ofType(d.resources, QStringLiteral("aws_s3_bucket_logging"))) {
            const QStringList target =
                referenced(attributes(b).value(QStringLiteral("target_bucket")), QStringLiteral("aws_s3_bucket"));
            QVERIFY2(target.size() == 2 && !find(d.resources, target[0], target[1]).isEmpty(),
                     qPrintable(compact(attributes(b))));
            QVERIFY(referenced(attributes(b).value(QStringLiteral("bucket")), QStringLiteral("aws_s3_bucket")) !=
                    target);
            targets.insert(target[1]);
        }
        for (const QJsonObject& bucket : buckets) {
            const QString n = str(bucket, "name");
            const QString id = QStringLiteral("${aws_s3_bucket.") + n + QStringLiteral(".id}");
            bool logs = false;
            for (const QJsonObject& l : ofType(d.resources, QStringLiteral("aws_s3_bucket_logging")))
                logs = logs || str(attributes(l), "bucket") == id;
            if (targets.contains(n)) {
                QVERIFY2(!logs, qPrintable(n));
                continue;
            }
            QVERIFY2(logs,
                     qPrintable(name + QStringLiteral(": bucket ") + n + QStringLiteral(" has no access logging")));
        }
        QVERIFY2(!targets.isEmpty(), qPrintable(name));
        for (const QString& t : targets) {
            const QString id = QStringLiteral("${aws_s3_bucket.") + t + QStringLiteral(".id}");
            auto companion = [&](const char* type) {
                for (const QJsonObject& r : ofType(d.resources, QString::fromLatin1(type))) {
                    if (str(attributes(r), "bucket") == id)
                        return attributes(r);
                }
                return QJsonObject();
            };
            const QJsonObject pab = companion("aws_s3_bucket_public_access_block");
            for (const char* flag :
                 {"block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"})
                QVERIFY2(pab.value(QLatin1String(flag)).toBool(), flag);
            QCOMPARE(compact(companion("aws_s3_bucket_ownership_controls").value(QStringLiteral("rule"))),
                     QStringLiteral("{\"object_ownership\":\"BucketOwnerEnforced\"}"));
            QVERIFY2(compact(companion("aws_s3_bucket_server_side_encryption_configuration"))
                         .contains(QLatin1String("\"sse_algorithm\":\"AES256\"")),
                     qPrintable(t));
            QVERIFY(compact(companion("aws_s3_bucket_versioning")).contains(QLatin1String("\"status\":\"Enabled\"")));
            QVERIFY(compact(companion("aws_s3_bucket_lifecycle_configuration")).contains(QLatin1String("expiration")));
            const QJsonArray statements = companion("aws_s3_bucket_policy")
                                              .value(QStringLiteral("policy"))
                                              .toObject()
                                              .value(QStringLiteral("Statement"))
                                              .toArray();
            bool tlsOnly = false;
            bool delivery = false;
            for (const QJsonValue& st : statements) {
                const QJsonObject s = st.toObject();
                QVERIFY2(s.contains(QStringLiteral("Principal")), qPrintable(compact(s)));
                tlsOnly = tlsOnly || (str(s, "Effect") == QLatin1String("Deny") &&
                                      s.value(QStringLiteral("Principal")).toString() == QLatin1String("*") &&
                                      compact(s).contains(QLatin1String("aws:SecureTransport")));
                delivery =
                    delivery ||
                    compact(s.value(QStringLiteral("Principal"))).contains(QLatin1String("logging.s3.amazonaws.com"));
            }
            QVERIFY2(tlsOnly && delivery, qPrintable(compact(statements)));
            const QString text = textOf(d, find(d.resources, QStringLiteral("aws_s3_bucket"), t));
            QVERIFY2(
                text.contains(QLatin1String("# mlops:skip=IAC-AWS-S3-ACCESS-LOGS: access-log bucket does not log "
                                            "to itself")) &&
                    text.contains(QLatin1String("#checkov:skip=CKV_AWS_18:access-log bucket does not log to itself")),
                qPrintable(text));
        }
    }

    // Every Glue job and crawler names a security configuration of the configuration; with a customer-managed key it
    // encrypts S3 output, CloudWatch logs and job bookmarks with the data key, and the key policy lets CloudWatch
    // Logs use the key for the /aws-glue/ log groups Glue writes.
    void glueSecurityConfiguration_data() { awsGoldens(); }
    void glueSecurityConfiguration() {
        QFETCH(QString, name);
        const Design d = design(name);
        QList<QJsonObject> users = ofType(d.resources, QStringLiteral("aws_glue_job"));
        users += ofType(d.resources, QStringLiteral("aws_glue_crawler"));
        if (users.isEmpty())
            QSKIP("no Glue job or crawler in this design");
        for (const QJsonObject& u : users) {
            const QStringList cfg = referenced(attributes(u).value(QStringLiteral("security_configuration")),
                                               QStringLiteral("aws_glue_security_configuration"));
            QVERIFY2(cfg.size() == 2, qPrintable(str(u, "name") + QLatin1Char(' ') + compact(attributes(u))));
            const QJsonObject sc = attributes(find(d.resources, cfg[0], cfg[1]));
            QVERIFY2(!sc.isEmpty(), qPrintable(cfg.join(QLatin1Char('.'))));
            const QJsonObject enc = sc.value(QStringLiteral("encryption_configuration")).toObject();
            if (d.in.customerManagedKeys()) {
                const QString key = QStringLiteral("${aws_kms_key.data.arn}");
                QCOMPARE(
                    str(enc.value(QStringLiteral("cloudwatch_encryption")).toObject(), "cloudwatch_encryption_mode"),
                    QStringLiteral("SSE-KMS"));
                QCOMPARE(str(enc.value(QStringLiteral("cloudwatch_encryption")).toObject(), "kms_key_arn"), key);
                QCOMPARE(str(enc.value(QStringLiteral("job_bookmarks_encryption")).toObject(),
                             "job_bookmarks_encryption_mode"),
                         QStringLiteral("CSE-KMS"));
                QCOMPARE(str(enc.value(QStringLiteral("job_bookmarks_encryption")).toObject(), "kms_key_arn"), key);
                QCOMPARE(str(enc.value(QStringLiteral("s3_encryption")).toObject(), "s3_encryption_mode"),
                         QStringLiteral("SSE-KMS"));
                QCOMPARE(str(enc.value(QStringLiteral("s3_encryption")).toObject(), "kms_key_arn"), key);
                QVERIFY(
                    keyPolicyAllowsLogGroup(find(d.resources, QStringLiteral("aws_kms_key"), QStringLiteral("data")),
                                            QStringLiteral("/aws-glue/jobs/") + templateText(str(sc, "name")) +
                                                QStringLiteral("-role/ingestion/output")));
            } else {
                QCOMPARE(str(enc.value(QStringLiteral("s3_encryption")).toObject(), "s3_encryption_mode"),
                         QStringLiteral("SSE-S3"));
            }
        }
    }

    // Every inline suppression names a rule and gives a reason, in both forms: ours and Checkov's, for the same check.
    void suppressionsCarryReasons_data() { awsGoldens(); }
    void suppressionsCarryReasons() {
        QFETCH(QString, name);
        const Design d = design(name);
        static const QRegularExpression ours(QStringLiteral("^\\s*# mlops:skip=([A-Z0-9_-]+): (\\S.*)$"));
        static const QRegularExpression checkov(QStringLiteral("^\\s*#checkov:skip=(CKV2?_AWS_\\d+):(\\S.*)$"));
        int count = 0;
        for (const auto& [path, file] : d.repo.files()) {
            if (!path.endsWith(QLatin1String(".tf")))
                continue;
            const QStringList lines = QString::fromUtf8(file.content).split(QLatin1Char('\n'));
            for (qsizetype i = 0; i < lines.size(); ++i) {
                if (!lines.at(i).contains(QLatin1String("skip=")))
                    continue;
                const QRegularExpressionMatch c = checkov.match(lines.at(i));
                if (!c.hasMatch()) {
                    QVERIFY2(ours.match(lines.at(i)).hasMatch(), qPrintable(path + QLatin1Char(' ') + lines.at(i)));
                    continue;
                }
                ++count;
                // Our form of the same suppression on the line before: our rule id, or the Checkov id itself.
                QVERIFY(i > 0);
                const QRegularExpressionMatch o = ours.match(lines.at(i - 1));
                QVERIFY2(o.hasMatch() && o.captured(2) == c.captured(2),
                         qPrintable(path + QLatin1Char(' ') + lines.at(i)));
            }
        }
        qInfo("%s: %d suppressions", qPrintable(name), count);
        QVERIFY(count > 0);
    }
};

QTEST_GUILESS_MAIN(TestCodegenAwsHardening)
#include "tst_codegen_aws_hardening.moc"
