#include "ui/ExportFlow.h"

#include "ui/ExportDialog.h"

#include "export/VideoFormat.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>

namespace i2v::ui {
namespace {

constexpr char kFolderKey[] = "export/folder";

} // namespace

QString ExportFlow::suggestedPath(const QString& format) const {
    const QString folder = settings_.value(kFolderKey, outputFolder_).toString();
    return folder + QLatin1Char('/') + ExportDialog::suggestedFileName(seed_, format);
}

std::optional<ExportTarget> ExportFlow::ask(QWidget* parent) const {
    ExportDialog dialog(ExportDialog::load(settings_), parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    ExportTarget target{dialog.choice(), QString()};
    ExportDialog::save(settings_, target.settings);

    // Our own overwrite question below, so that a PNG folder and every platform dialog behave the same.
    target.path = QFileDialog::getSaveFileName(parent, tr("Export video"),
                                               suggestedPath(QString::fromStdString(formatName(target.settings.format))),
                                               QString(), nullptr, QFileDialog::DontConfirmOverwrite);
    if (target.path.isEmpty())
        return std::nullopt;
    settings_.setValue(kFolderKey, QFileInfo(target.path).absolutePath());
    if (QFileInfo::exists(target.path)) {
        const auto answer = QMessageBox::question(parent, tr("Replace file?"),
                                                  tr("%1 already exists. Replace it?").arg(QDir::toNativeSeparators(target.path)),
                                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return std::nullopt;
        target.settings.overwrite = true;
    }
    return target;
}

} // namespace i2v::ui
