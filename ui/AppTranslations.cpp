#include "ui/AppTranslations.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace i2v::ui {

AppTranslations::AppTranslations(const QLocale& locale) {
    qt_ = qtStrings_.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)) &&
          QCoreApplication::installTranslator(&qtStrings_);
    app_ = appStrings_.load(locale, QStringLiteral("i2v-studio"), QStringLiteral("_"), QStringLiteral(":/i18n")) &&
           QCoreApplication::installTranslator(&appStrings_);
}

AppTranslations::~AppTranslations() {
    if (app_)
        QCoreApplication::removeTranslator(&appStrings_);
    if (qt_)
        QCoreApplication::removeTranslator(&qtStrings_);
}

} // namespace i2v::ui
