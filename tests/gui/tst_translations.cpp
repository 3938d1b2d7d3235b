// The UI in German and French (issue 16): the app's own strings and Qt's (standard buttons of dialogs) are
// loaded for the locale, the main window then speaks the language, and every translation file is complete:
// each single-literal tr("…") of ui/ has a finished translation in both (a string added to the UI without
// one fails here).
#include "MainWindowDriver.h"

#include "ui/AppTranslations.h"

#include <QDialogButtonBox>
#include <QDirIterator>
#include <QPushButton>
#include <QRegularExpression>
#include <QXmlStreamReader>

using namespace i2v::ui;
using i2v::test::childOf;

namespace {

// source text -> translation of every finished message of a .ts file.
QHash<QString, QString> finishedTranslations(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QHash<QString, QString> out;
    QXmlStreamReader xml(&f);
    QString source;
    while (!xml.atEnd()) {
        if (!xml.readNextStartElement())
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const bool unfinished = !xml.attributes().value(QLatin1String("type")).isEmpty();
            const QString text = xml.readElementText();
            if (!unfinished && !text.trimmed().isEmpty())
                out.insert(source, text);
        }
    }
    return out;
}

// Every tr("…") of ui/ whose text is one string literal (texts split over several literals are left out).
QStringList singleLiteralTrStrings() {
    // (No raw string literal here: moc's lexer does not skip them and then misses the class below.)
    static const QRegularExpression call(QStringLiteral("\\btr\\(\"((?:[^\"\\\\]|\\\\.)*)\"\\s*[,)]"));
    QStringList out;
    QDirIterator it(QStringLiteral(I2V_SOURCE_DIR "/ui"), {QStringLiteral("*.cpp"), QStringLiteral("*.h")});
    while (it.hasNext()) {
        QFile f(it.next());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QString code = QString::fromUtf8(f.readAll());
        for (auto m = call.globalMatch(code); m.hasNext();) {
            // C escapes as the compiler reads them: \" \\ \n.
            const QString literal = m.next().captured(1);
            QString text;
            for (qsizetype i = 0; i < literal.size(); ++i) {
                if (literal[i] == QLatin1Char('\\') && i + 1 < literal.size()) {
                    const QChar next = literal[++i];
                    text += next == QLatin1Char('n') ? QChar(QLatin1Char('\n')) : next;
                } else {
                    text += literal[i];
                }
            }
            out << text;
        }
    }
    out.removeDuplicates();
    return out;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;

private slots:
    void initTestCase() { i2v::test::enterTestMode(); }

    void qtsAndTheAppsStringsLoadForTheLocale_data() {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("cancel");
        QTest::addColumn<QString>("generate");
        QTest::newRow("de") << "de_DE" << "Abbrechen" << "Erzeugen";
        QTest::newRow("fr") << "fr_FR" << "Annuler" << "Générer";
    }
    void qtsAndTheAppsStringsLoadForTheLocale() {
        QFETCH(QString, locale);
        QFETCH(QString, cancel);
        QFETCH(QString, generate);
        const AppTranslations translations{QLocale(locale)};
        QVERIFY2(translations.hasQtStrings(), "Qt's own translations (qt6-translations-l10n) are not installed");
        QVERIFY(translations.hasAppStrings());
        QDialogButtonBox buttons(QDialogButtonBox::Cancel);
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text().remove(QLatin1Char('&')), cancel);
        auto settings = i2v::test::makeSettings(tmp_, locale + ".ini");
        MainWindow w(settings.get(), nullptr, tmp_.filePath(locale + ".sqlite"));
        QCOMPARE(childOf<QPushButton>(&w, "generateButton")->text(), generate);
    }

    void englishNeedsNoFile() {
        const AppTranslations translations{QLocale(QLocale::English, QLocale::UnitedStates)};
        QVERIFY(!translations.hasAppStrings());
    }

    void everyStringOfTheUiIsTranslated_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("de") << "i2v-studio_de.ts";
        QTest::newRow("fr") << "i2v-studio_fr.ts";
    }
    void everyStringOfTheUiIsTranslated() {
        QFETCH(QString, file);
        const QHash<QString, QString> done = finishedTranslations(QStringLiteral(I2V_SOURCE_DIR "/translations/") + file);
        QVERIFY(!done.isEmpty());
        const QStringList strings = singleLiteralTrStrings();
        QVERIFY(strings.size() > 100);
        QStringList missing;
        for (const QString& s : strings)
            if (!done.contains(s))
                missing << s;
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1 untranslated: %2").arg(missing.size()).arg(missing.join(" | "))));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
