// ExportFlow: the questions Export… asks before a result is written: the format and its options
// (ExportDialog, remembered between exports), the file (a save dialog that opens in the last export's folder,
// export/folder, else the output folder, on a name made of the result's seed), and whether to replace a file
// that is already there. It only asks; the JobController writes.
#pragma once
#include "export/ExportSettings.h"

#include <QCoreApplication>
#include <QString>

#include <optional>
#include <utility>

class QSettings;
class QWidget;

namespace i2v::ui {

// Where and how to write a result, as the user answered.
struct ExportTarget {
    ExportSettings settings;  // `overwrite` set when the user agreed to replace the file
    QString path;
};

class ExportFlow {
    Q_DECLARE_TR_FUNCTIONS(i2v::ui::ExportFlow)
public:
    // `settings` (not owned) keeps the last choice and folder; `outputFolder` is where the first export opens;
    // `seed` is the result's, for the proposed file name.
    ExportFlow(QSettings& settings, QString outputFolder, quint64 seed)
        : settings_(settings), outputFolder_(std::move(outputFolder)), seed_(seed) {}

    // The file proposed for `format`: the export folder, the seed and, where two formats share an extension
    // (MP4 H.264 / MP4 AV1), the codec.
    QString suggestedPath(const QString& format) const;
    // Asks in modal dialogs over `parent`; nothing when the user cancels any of them.
    std::optional<ExportTarget> ask(QWidget* parent) const;

private:
    QSettings& settings_;
    QString outputFolder_;
    quint64 seed_;
};

} // namespace i2v::ui
