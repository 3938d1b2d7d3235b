// The Preset row: Draft and Final set the job's computing settings and keep the prompts, picture and seed;
// a user preset is saved, survives a restart, applies, is replaced under its name and deleted; built-ins
// cannot be overwritten or deleted, and bad names are refused with a reason; the demo model's banner puts the Draft.
#include "MainWindowDriver.h"

#include "ui/JobPresets.h"
#include "ui/PresetRow.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>

using namespace i2v::ui;
using i2v::test::childOf;

namespace {

struct Shown {
    int width, height, frames, steps, fps;
    double guidance;
    QString scheduler;
};

Shown shown(MainWindow& w) {
    return {childOf<QSpinBox>(&w, "width")->value(), childOf<QSpinBox>(&w, "height")->value(),
            childOf<QSpinBox>(&w, "frames")->value(), childOf<QSpinBox>(&w, "steps")->value(),
            childOf<QSpinBox>(&w, "fps")->value(), childOf<QDoubleSpinBox>(&w, "guidance")->value(),
            childOf<QComboBox>(&w, "scheduler")->currentData().toString()};
}

} // namespace

class TestPresets : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;

private slots:
    void initTestCase() { i2v::test::enterTestMode(); }

    void theModelCardsNegativePromptIsTheFirstDefault() {
        const QString recommended = QString::fromLatin1(GenerationForm::recommendedNegativePrompt());
        QVERIFY(recommended.startsWith(QStringLiteral("Distorted, discontinuous")));
        auto settings = i2v::test::makeSettings(tmp_, "negative.ini");
        {
            MainWindow w(settings.get(), nullptr, tmp_.filePath("negative.sqlite"));
            auto* negative = childOf<QPlainTextEdit>(&w, "negativePrompt");
            QCOMPARE(negative->toPlainText(), recommended);
            negative->clear();  // the user's choice, kept from now on
            QVERIFY(w.close());  // closing stores the form
        }
        MainWindow w(settings.get(), nullptr, tmp_.filePath("negative.sqlite"));
        auto* negative = childOf<QPlainTextEdit>(&w, "negativePrompt");
        QCOMPARE(negative->toPlainText(), QString());
        childOf<QToolButton>(&w, "recommendedNegative")->click();
        QCOMPARE(negative->toPlainText(), recommended);
        QCOMPARE(QString::fromStdString(w.form()->request().generation.negativePrompt), recommended);
    }

    void builtInsSetTheComputingSettingsOnly() {
        auto settings = i2v::test::makeSettings(tmp_, "builtin.ini");
        MainWindow w(settings.get(), nullptr, tmp_.filePath("builtin.sqlite"));
        childOf<QPlainTextEdit>(&w, "prompt")->setPlainText("a fox");
        childOf<QSpinBox>(&w, "seed")->setValue(4242);
        QVERIFY(i2v::test::readPicture(w.dropZone(), i2v::test::goldenImagePath()));

        QVERIFY(w.form()->presetRow()->apply(JobPresets::builtInNames().at(0)));  // Draft
        Shown s = shown(w);
        QCOMPARE(QSize(s.width, s.height), QSize(512, 288));
        QCOMPARE(s.frames, 8);
        QCOMPARE(s.steps, 20);
        QCOMPARE(s.scheduler, QString("dpmpp-2m"));
        QCOMPARE(childOf<QComboBox>(&w, "sizePreset")->currentData().toSize(), QSize(512, 288));
        QVERIFY(!childOf<QToolButton>(&w, "deletePreset")->isEnabled());

        QVERIFY(w.form()->presetRow()->apply(JobPresets::builtInNames().at(1)));  // Final: diffusers' defaults, DDIM
        s = shown(w);
        const i2v::GenerationRequest defaults;
        QCOMPARE(QSize(s.width, s.height), QSize(defaults.width, defaults.height));
        QCOMPARE(s.frames, defaults.numFrames);
        QCOMPARE(s.steps, defaults.numInferenceSteps);
        QCOMPARE(s.guidance, defaults.guidanceScale);
        QCOMPARE(s.scheduler, QString("ddim"));
        QVERIFY(childOf<QDoubleSpinBox>(&w, "eta")->isEnabled());  // DDIM has eta

        const JobRequest r = w.form()->request();
        QCOMPARE(r.prompt(), QString("a fox"));
        QCOMPARE(r.generation.seed, quint64(4242));
        QCOMPARE(r.imagePath, i2v::test::goldenImagePath());
        QVERIFY(!w.form()->presetRow()->apply("no such preset"));
    }

    // With the demo model the banner offers the Draft preset: the default job keeps even that model busy for an hour.
    void theDemoBannerPutsTheDraftPreset() {
        auto settings = i2v::test::makeSettings(tmp_, "demo.ini");
        MainWindow w(settings.get(), nullptr, tmp_.filePath("demo.sqlite"));
        w.show();
        QVERIFY2(i2v::test::waitForModel(w), qPrintable(w.errorText()));
        auto* draft = childOf<QPushButton>(&w, "demoDraftButton");
        QVERIFY(draft->isVisible());
        draft->click();
        const Shown s = shown(w);
        QCOMPARE(QSize(s.width, s.height), QSize(512, 288));
        QCOMPARE(s.frames, 8);
        QCOMPARE(s.steps, 20);
        QCOMPARE(w.form()->presetRow()->current(), JobPresets::builtInNames().at(0));
    }

    // Settings edited after choosing a preset: the row says so, and says it no more once they match again.
    void editedSettingsMarkThePresetChanged() {
        auto settings = i2v::test::makeSettings(tmp_, "edited.ini");
        MainWindow w(settings.get(), nullptr, tmp_.filePath("edited.sqlite"));
        auto* list = childOf<QComboBox>(&w, "preset");
        const QString draft = JobPresets::builtInNames().at(0);
        QVERIFY(w.form()->presetRow()->apply(draft));
        QCOMPARE(list->currentText(), draft);
        childOf<QSpinBox>(&w, "steps")->setValue(2);
        QCOMPARE(list->currentText(), draft + " (changed)");
        QCOMPARE(w.form()->presetRow()->current(), draft);  // still the one Save… offers to replace
        childOf<QSpinBox>(&w, "steps")->setValue(20);
        QCOMPARE(list->currentText(), draft);
        auto* scheduler = childOf<QComboBox>(&w, "scheduler");
        scheduler->setCurrentIndex(scheduler->findData(QString("ddim")));
        QCOMPARE(list->currentText(), draft + " (changed)");
        // A prompt or the seed is not part of a preset.
        QVERIFY(w.form()->presetRow()->apply(draft));
        childOf<QPlainTextEdit>(&w, "prompt")->setPlainText("a fox");
        childOf<QSpinBox>(&w, "seed")->setValue(7);
        QCOMPARE(list->currentText(), draft);
        // A user preset too, after it is saved from edited settings.
        childOf<QSpinBox>(&w, "frames")->setValue(12);
        QVERIFY(w.form()->presetRow()->save("twelve").isEmpty());
        QCOMPARE(list->currentText(), QString("twelve"));
        childOf<QSpinBox>(&w, "frames")->setValue(10);
        QCOMPARE(list->currentText(), QString("twelve (changed)"));
    }

    // The tooltips that offer the built-ins say what they make, read from the presets themselves.
    void tooltipsDescribeTheBuiltIns() {
        const QStringList builtIn = JobPresets::builtInNames();
        QCOMPARE(JobPresets::builtInSummary(builtIn.at(0)), QString("512 × 288, 8 frames, 20 steps"));
        const i2v::GenerationRequest defaults;
        QCOMPARE(JobPresets::builtInSummary(builtIn.at(1)), QString("%1 × %2, %3 frames, %4 steps")
                                                                 .arg(defaults.width).arg(defaults.height)
                                                                 .arg(defaults.numFrames).arg(defaults.numInferenceSteps));
        QCOMPARE(JobPresets::builtInSummary("mine"), QString());
        auto settings = i2v::test::makeSettings(tmp_, "tooltips.ini");
        MainWindow w(settings.get(), nullptr, tmp_.filePath("tooltips.sqlite"));
        const QString list = childOf<QComboBox>(&w, "preset")->toolTip();
        QVERIFY2(list.contains("Draft: a quick look (512 × 288, 8 frames, 20 steps)") &&
                     list.contains(JobPresets::builtInSummary(builtIn.at(1))), qPrintable(list));
        const QString banner = childOf<QPushButton>(&w, "demoDraftButton")->toolTip();
        QVERIFY2(banner.startsWith("The Draft preset: 512 × 288, 8 frames, 20 steps."), qPrintable(banner));
    }

    void userPresetsRoundTrip() {
        auto settings = i2v::test::makeSettings(tmp_, "user.ini");
        {
            MainWindow w(settings.get(), nullptr, tmp_.filePath("user.sqlite"));
            i2v::test::setSmallJob(w, 3);
            childOf<QSpinBox>(&w, "fps")->setValue(10);
            childOf<QDoubleSpinBox>(&w, "guidance")->setValue(6.5);
            auto* scheduler = childOf<QComboBox>(&w, "scheduler");
            scheduler->setCurrentIndex(scheduler->findData(QString("euler")));
            QCOMPARE(w.form()->presetRow()->save("  small test  "), QString());
            QCOMPARE(w.form()->presetRow()->current(), QString("small test"));
            QVERIFY(childOf<QToolButton>(&w, "deletePreset")->isEnabled());
            // Names the store refuses, each with its reason.
            QVERIFY(!w.form()->presetRow()->save("").isEmpty());
            QVERIFY(w.form()->presetRow()->save(JobPresets::builtInNames().at(1).toLower()).contains("built-in"));
            QVERIFY(!w.form()->presetRow()->save("a/b").isEmpty());
            QVERIFY(!w.form()->presetRow()->remove(JobPresets::builtInNames().at(0)));
        }
        MainWindow w(settings.get(), nullptr, tmp_.filePath("user.sqlite"));
        auto* combo = childOf<QComboBox>(&w, "preset");
        QVERIFY(combo->findData(QString("small test")) > 0);
        QVERIFY(w.form()->presetRow()->apply(JobPresets::builtInNames().at(1)));
        QVERIFY(w.form()->presetRow()->apply("small test"));
        Shown s = shown(w);
        QCOMPARE(QSize(s.width, s.height), QSize(96, 64));
        QCOMPARE(s.frames, 4);
        QCOMPARE(s.steps, 3);
        QCOMPARE(s.fps, 10);
        QCOMPARE(s.guidance, 6.5);
        QCOMPARE(s.scheduler, QString("euler"));

        childOf<QSpinBox>(&w, "steps")->setValue(7);  // replaced under the same name
        QCOMPARE(w.form()->presetRow()->save("small test"), QString());
        QVERIFY(w.form()->presetRow()->apply(JobPresets::builtInNames().at(0)));
        QVERIFY(w.form()->presetRow()->apply("small test"));
        QCOMPARE(shown(w).steps, 7);

        QVERIFY(w.form()->presetRow()->remove("small test"));
        QCOMPARE(combo->findData(QString("small test")), -1);
        QVERIFY(!w.form()->presetRow()->apply("small test"));
        QVERIFY(!w.form()->presetRow()->remove("small test"));
    }

    void aDamagedStoredPresetKeepsTheShownSettings() {
        auto settings = i2v::test::makeSettings(tmp_, "damaged.ini");
        settings->setValue("presets/broken", QByteArray("{not json"));
        settings->setValue("presets/partial", QByteArray(R"({"steps": 12, "width": "wide", "prompt": "not mine"})"));
        MainWindow w(settings.get(), nullptr, tmp_.filePath("damaged.sqlite"));
        i2v::test::setSmallJob(w, 3);
        childOf<QPlainTextEdit>(&w, "prompt")->setPlainText("kept");
        QVERIFY(!w.form()->presetRow()->apply("broken"));
        QCOMPARE(shown(w).steps, 3);
        QVERIFY(w.form()->presetRow()->apply("partial"));
        QCOMPARE(shown(w).steps, 12);
        QCOMPARE(shown(w).width, 96);   // a damaged value keeps what was shown
        QCOMPARE(w.form()->request().prompt(), QString("kept"));  // a preset never holds prompts
    }
};

QTEST_MAIN(TestPresets)
#include "tst_presets.moc"
