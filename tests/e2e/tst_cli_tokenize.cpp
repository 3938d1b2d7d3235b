// `i2v tokenize` from outside, as scripts use it: the --json contract (one object: 77 padded ids, count,
// truncated), the human-readable form, and a one-line error with a non-zero exit for a missing model folder.
// Expected ids come from the diffusers goldens (tok/noftfy/*), so the CLI is checked against transformers too.
#include "support/ProcessRun.h"
#include "support/TestData.h"

#include <QProcess>
#include <QTemporaryDir>

namespace {

using Run = i2v::test::ProcessRun;

Run runCli(const QStringList& args) {
    return i2v::test::runCli(args, QProcessEnvironment::systemEnvironment(), 60000);
}

QString modelDir() { return QString::fromStdString(i2v::test::tinyModelDir().string()); }

std::vector<int64_t> goldenIds(const std::string& name) {
    const at::Tensor t = i2v::test::goldenTensor("tok/noftfy/" + name + "/input_ids").contiguous();
    return {t.data_ptr<int64_t>(), t.data_ptr<int64_t>() + t.numel()};
}

} // namespace

class TestCliTokenize : public QObject {
    Q_OBJECT

private slots:
    void jsonMatchesGoldens_data() {
        QTest::addColumn<QString>("name");
        for (const char* name : {"simple", "prompt", "unicode", "special_literal", "long", "empty"})
            QTest::newRow(name) << QString(name);
    }

    void jsonMatchesGoldens() {
        QFETCH(QString, name);
        const auto& c = i2v::test::goldenManifest().at("tokenizer_cases").at(name.toStdString());
        const QString text = QString::fromStdString(c.at("text").get<std::string>());
        const Run r = runCli({"tokenize", "--model", modelDir(), "--json", text});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // Exactly one JSON object on stdout (one line).
        QCOMPARE(r.out.count('\n'), 1);
        const auto j = nlohmann::json::parse(r.out.toStdString());
        QVERIFY(j.is_object());
        QCOMPARE(j.size(), size_t(3));
        QCOMPARE(j.at("ids").get<std::vector<int64_t>>(), goldenIds(name.toStdString()));
        QCOMPARE(j.at("count").get<int64_t>(), c.at("noftfy").at("untruncated_len").get<int64_t>());
        QCOMPARE(j.at("truncated").get<bool>(), c.at("noftfy").at("truncated").get<bool>());
    }

    void longPromptIsReportedTruncated() {
        const auto& c = i2v::test::goldenManifest().at("tokenizer_cases").at("long");
        const Run r = runCli({"tokenize", "--model", modelDir(), QString::fromStdString(c.at("text").get<std::string>())});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("count: 97"), r.out.constData());
        QVERIFY2(r.out.contains("truncated: yes"), r.out.constData());
        QVERIFY2(r.out.startsWith("ids: 49406 320 1070 1538"), r.out.constData());
    }

    void shortPromptIsNotTruncated() {
        const Run r = runCli({"tokenize", "--model", modelDir(), "a photo of a cat"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("ids: 49406 320 1125 539 320 2368 49407 49407"), r.out.constData());
        QVERIFY2(r.out.contains("count: 7"), r.out.constData());
        QVERIFY2(r.out.contains("truncated: no"), r.out.constData());
    }

    void missingModelFolderFailsWithOneLine() {
        QTemporaryDir tmp;
        const QString missing = tmp.path() + "/no-such-model";
        const Run r = runCli({"tokenize", "--model", missing, "--json", "a cat"});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.out.isEmpty(), r.out.constData());   // nothing a script could mistake for a result
        const QByteArray err = r.err.trimmed();
        QVERIFY2(!err.contains('\n'), err.constData());
        QVERIFY2(err.contains("no-such-model"), err.constData());
    }

    void folderWithoutTokenizerFails() {
        QTemporaryDir tmp;
        const Run r = runCli({"tokenize", "--model", tmp.path(), "a cat"});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("tokenizer"), r.err.constData());
    }
};

QTEST_APPLESS_MAIN(TestCliTokenize)
#include "tst_cli_tokenize.moc"
