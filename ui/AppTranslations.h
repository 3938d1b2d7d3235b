// AppTranslations: the UI in the user's language — the app's own strings (translations/, embedded under
// :/i18n) and Qt's (qtbase: file dialogs, standard buttons, shortcut names, from Qt's translations folder,
// Debian's qt6-translations-l10n), installed on the application while this object lives.
#pragma once
#include <QLocale>
#include <QTranslator>

namespace i2v::ui {

class AppTranslations {
public:
    explicit AppTranslations(const QLocale& locale = QLocale());
    ~AppTranslations();
    AppTranslations(const AppTranslations&) = delete;
    AppTranslations& operator=(const AppTranslations&) = delete;

    bool hasAppStrings() const { return app_; }  // false for English (the source language) too
    bool hasQtStrings() const { return qt_; }

private:
    QTranslator qtStrings_, appStrings_;
    bool qt_ = false, app_ = false;
};

} // namespace i2v::ui
