#include "validate/HclParser.h"

#include <QJsonArray>
#include <QTest>

using namespace mlops;

class TestHclParser : public QObject {
    Q_OBJECT
private slots:
    void parse_terraformSubset_buildsBlocksAndValues();
    void parse_interpolationAndHeredoc_collectsReferences();
    void parse_singleLineBlockAndComments_ok();
    void parse_brokenInput_reportsLine_data();
    void parse_brokenInput_reportsLine();
};

void TestHclParser::parse_terraformSubset_buildsBlocksAndValues() {
    const QString src = QStringLiteral(R"(# comment
resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  count  = 2
  ratio  = -0.5
  enabled = true
  tags = {
    project = "fraud"
    "team:x" = "ml"
  }
  list = [
    "a",
    "b", # trailing comment
  ]
  versioning_configuration {
    status = "Enabled"
  }
  ingress {
    cidr_blocks = ["10.0.0.0/8"]
  }
  ingress {
    cidr_blocks = ["0.0.0.0/0"]
  }
  names = [for s in var.subnets : s.id]
}
)");
    const HclDocument doc = HclParser::parse(src);
    QVERIFY2(doc.ok(), qPrintable(doc.errors.value(0).message));
    QCOMPARE(doc.blocks.size(), 1);
    const HclParsedBlock& b = doc.blocks.first();
    QCOMPARE(b.type, QStringLiteral("resource"));
    QCOMPARE(b.labels, (QStringList{QStringLiteral("aws_s3_bucket_versioning"), QStringLiteral("data")}));
    QCOMPARE(b.line, 2);
    const QJsonObject json = b.toJson();
    QCOMPARE(json.value(QStringLiteral("bucket")).toString(), QStringLiteral("aws_s3_bucket.data.id"));
    QCOMPARE(json.value(QStringLiteral("count")).toDouble(), 2.0);
    QCOMPARE(json.value(QStringLiteral("ratio")).toDouble(), -0.5);
    QCOMPARE(json.value(QStringLiteral("enabled")).toBool(), true);
    QCOMPARE(json.value(QStringLiteral("tags")).toObject().value(QStringLiteral("team:x")).toString(),
             QStringLiteral("ml"));
    QCOMPARE(json.value(QStringLiteral("list")).toArray().size(), 2);
    QCOMPARE(
        json.value(QStringLiteral("versioning_configuration")).toObject().value(QStringLiteral("status")).toString(),
        QStringLiteral("Enabled"));
    QCOMPARE(json.value(QStringLiteral("ingress")).toArray().size(), 2);
    QCOMPARE(json.value(QStringLiteral("names")).toString(), QStringLiteral("[for s in var.subnets : s.id]"));
    QCOMPARE(b.attribute(QStringLiteral("tags"))->line, 7);
    const QList<HclReference> refs = b.allReferences();
    QCOMPARE(refs.size(), 1);
    QCOMPARE(refs.first().root, QStringLiteral("var"));
    QCOMPARE(refs.first().name, QStringLiteral("subnets"));
    QCOMPARE(refs.first().line, 24);
}

void TestHclParser::parse_interpolationAndHeredoc_collectsReferences() {
    const QString src = QStringLiteral(R"(locals {
  name = "${var.project}-${local.env}"
  escaped = "$${not_a_ref} \"quoted\" \u00e9"
  nested = "${format("%s-%s", var.a, "${var.b}")}"
  policy = <<-EOT
    {"Resource": "${module.storage.arn}"}
    "quotes" and { braces are fine here
  EOT
  after = data.aws_caller_identity.me.account_id
}
)");
    const HclDocument doc = HclParser::parse(src);
    QVERIFY2(doc.ok(), qPrintable(doc.errors.value(0).message));
    const HclParsedBlock& b = doc.blocks.first();
    QCOMPARE(b.attribute(QStringLiteral("escaped"))->value.toString(),
             QStringLiteral("${not_a_ref} \"quoted\" \u00e9"));
    QStringList refs;
    for (const HclReference& r : b.allReferences())
        refs << r.root + QLatin1Char('.') + r.name + QLatin1Char('@') + QString::number(r.line);
    QCOMPARE(refs, (QStringList{QStringLiteral("var.project@2"), QStringLiteral("local.env@2"),
                                QStringLiteral("var.a@4"), QStringLiteral("var.b@4"),
                                QStringLiteral("module.storage@6"), QStringLiteral("data.aws_caller_identity@9")}));
    QVERIFY(b.attribute(QStringLiteral("policy"))->value.toString().contains(QStringLiteral("braces are fine")));
    QCOMPARE(b.attribute(QStringLiteral("after"))->line, 9);
}

void TestHclParser::parse_singleLineBlockAndComments_ok() {
    const HclDocument doc =
        HclParser::parse(QStringLiteral("variable \"x\" { default = 1 }\n/* multi\nline */\n// slash comment\nvariable "
                                        "\"y\" {}\nz = {a = 1, b = [1, 2]}\n"));
    QVERIFY2(doc.ok(), qPrintable(doc.errors.value(0).message));
    QCOMPARE(doc.blocks.size(), 2);
    QCOMPARE(doc.blocks.at(0).attribute(QStringLiteral("default"))->value.toDouble(), 1.0);
    QCOMPARE(doc.blocks.at(1).line, 5);
    QCOMPARE(doc.attributes.first().value.toObject().value(QStringLiteral("b")).toArray().size(), 2);
}

void TestHclParser::parse_brokenInput_reportsLine_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");
    QTest::newRow("unclosed brace") << QStringLiteral("a {\n  b = 1\n\nc {\n}\n") << 1
                                    << QStringLiteral("never closed");
    QTest::newRow("extra brace") << QStringLiteral("a {\n}\n}\n") << 3 << QStringLiteral("no matching");
    QTest::newRow("mismatched bracket") << QStringLiteral("a = [\n  1,\n}\n") << 3 << QStringLiteral("does not match");
    QTest::newRow("unterminated string") << QStringLiteral("a {\n  b = \"x\n}\n") << 2
                                         << QStringLiteral("unterminated string");
    QTest::newRow("unterminated heredoc")
        << QStringLiteral("a {\n  b = <<EOT\n  text\n}\n") << 2 << QStringLiteral("heredoc");
    QTest::newRow("unterminated comment") << QStringLiteral("a = 1\n/* open\n") << 2 << QStringLiteral("comment");
    QTest::newRow("unterminated interpolation") << QStringLiteral("a = \"${var.x\"\n") << 1 << QStringLiteral("");
    QTest::newRow("missing equals") << QStringLiteral("a {\n  b \"x\"\n}\n") << 2
                                    << QStringLiteral("expected '=' or '{'");
    QTest::newRow("missing value") << QStringLiteral("a = \n") << 1 << QStringLiteral("no value");
    QTest::newRow("duplicate attribute") << QStringLiteral("a {\n  b = 1\n  b = 2\n}\n") << 3
                                         << QStringLiteral("already defined on line 2");
    QTest::newRow("bad escape") << QStringLiteral("a = \"\\q\"\n") << 1 << QStringLiteral("escape");
    QTest::newRow("stray character") << QStringLiteral("a = 1\nb = @\n") << 2 << QStringLiteral("unexpected character");
}

void TestHclParser::parse_brokenInput_reportsLine() {
    QFETCH(QString, source);
    QFETCH(int, line);
    QFETCH(QString, message);
    const HclDocument doc = HclParser::parse(source);
    QVERIFY(!doc.ok());
    QCOMPARE(doc.errors.first().line, line);
    QVERIFY2(doc.errors.first().message.contains(message), qPrintable(doc.errors.first().message));
}

QTEST_GUILESS_MAIN(TestHclParser)
#include "tst_hcl_parser.moc"
