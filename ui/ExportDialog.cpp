#include "ui/ExportDialog.h"

#include "export/VideoExporter.h"
#include "util/Errors.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QSpinBox>
#include <QStandardItemModel>

#include <cstring>
#include <exception>

namespace i2v::ui {

ExportDialog::ExportDialog(const ExportChoice& initial, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Export video"));
    format_ = new QComboBox(this);
    format_->setObjectName(QStringLiteral("exportFormat"));
    for (const FormatSupport& s : formatSupport()) {
        format_->addItem(QString::fromStdString(formatDescription(s.format)), QString::fromStdString(formatName(s.format)));
        const int row = format_->count() - 1;
        if (!s.available) {
            format_->setItemData(row, QString::fromStdString(s.reason), Qt::ToolTipRole);
            if (auto* model = qobject_cast<QStandardItemModel*>(format_->model()); model && model->item(row))
                model->item(row)->setEnabled(false);
        }
    }
    const int current = format_->findData(initial.format);
    format_->setCurrentIndex(current >= 0 ? current : 0);

    fps_ = new QDoubleSpinBox(this);
    fps_->setRange(1, 120);
    fps_->setDecimals(1);
    fps_->setValue(initial.fps);
    fps_->setToolTip(tr("Playback rate of the file (independent of the model's fps conditioning)"));
    quality_ = new QSpinBox(this);
    quality_->setRange(0, 100);
    quality_->setValue(initial.quality);
    interpolation_ = new QComboBox(this);
    interpolation_->addItem(tr("None"), QStringLiteral("none"));
    interpolation_->addItem(tr("Blend (fast)"), QStringLiteral("blend"));
    interpolation_->addItem(tr("Motion (smooth)"), QStringLiteral("motion"));
    interpolation_->setCurrentIndex(std::max(0, interpolation_->findData(initial.interpolation)));
    loop_ = new QComboBox(this);
    loop_->addItem(tr("Once"), QStringLiteral("once"));
    loop_->addItem(tr("Repeat"), QStringLiteral("repeat"));
    loop_->addItem(tr("Ping-pong"), QStringLiteral("pingpong"));
    loop_->setCurrentIndex(std::max(0, loop_->findData(initial.loop)));

    auto* form = new QFormLayout(this);
    form->addRow(tr("Format"), format_);
    form->addRow(tr("Playback fps"), fps_);
    form->addRow(tr("Quality"), quality_);
    form->addRow(tr("Interpolation"), interpolation_);
    form->addRow(tr("Loop"), loop_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

ExportChoice ExportDialog::choice() const {
    ExportChoice c;
    c.format = format_->currentData().toString();
    c.fps = fps_->value();
    c.quality = quality_->value();
    c.interpolation = interpolation_->currentData().toString();
    c.loop = loop_->currentData().toString();
    return c;
}

QString ExportDialog::extensionFor(const QString& format) {
    try {
        return QString::fromStdString(formatExtension(parseVideoFormat(format.toStdString())));
    } catch (const std::exception&) {
        return {};
    }
}

QString ExportDialog::suggestedFileName(quint64 seed, const QString& format) {
    QString name = QStringLiteral("i2v_seed%1").arg(seed);
    try {
        const VideoFormat f = parseVideoFormat(format.toStdString());
        const QString formatId = QString::fromStdString(formatName(f));        // "mp4-av1"
        const QString extension = QString::fromStdString(formatExtension(f));  // ".mp4"
        // A format named "<extension>-<codec>" shares its extension with the plain one: the codec tells them apart.
        const QString plain = extension.mid(1) + QLatin1Char('-');
        if (extension.size() > 1 && formatId.startsWith(plain))
            name += QLatin1Char('_') + formatId.mid(plain.size());
        return name + extension;
    } catch (const std::exception&) {
        return name;
    }
}

bool ExportDialog::exportAvailable() { return haveVideoExport(); }

QString exportFrames(const QVector<QImage>& frames, const ExportChoice& choice, const QString& parametersJson,
                     const QString& path, bool overwrite, const CancelToken* cancel) {
    try {
        ExportSettings settings;
        settings.format = parseVideoFormat(choice.format.toStdString());
        settings.fps = choice.fps;
        settings.quality = choice.quality;
        settings.interpolation = parseInterpolation(choice.interpolation.toStdString());
        settings.loop = parseLoopMode(choice.loop.toStdString());
        settings.overwrite = overwrite;
        validateSettings(settings);

        VideoFrames video;
        for (const QImage& image : frames) {
            const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
            RgbFrame frame(rgb.width(), rgb.height());
            for (int y = 0; y < rgb.height(); ++y)
                std::memcpy(frame.pixel(0, y), rgb.constScanLine(y), size_t(rgb.width()) * 3);
            video.push_back(std::move(frame));
        }
        const ExportMetadata meta = parametersJson.isEmpty() ? ExportMetadata()
                                                             : ExportMetadata::fromJsonText(parametersJson.toStdString());
        exportVideo(video, settings, meta, QFileInfo(path).filesystemAbsoluteFilePath(), cancel);
        return {};
    } catch (const Cancelled&) {
        throw;  // not a failure: the caller ends the job as cancelled
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
}

QImage lastVideoFrame(const QString& path) {
    try {
        const VideoFrames frames = decodeVideo(QFileInfo(path).filesystemAbsoluteFilePath());
        if (frames.empty())
            return {};
        const RgbFrame& last = frames.back();
        QImage image(last.width, last.height, QImage::Format_RGB888);
        for (int y = 0; y < last.height; ++y)
            std::memcpy(image.scanLine(y), last.pixel(0, y), size_t(last.width) * 3);
        return image;
    } catch (const std::exception&) {
        return {};
    }
}

} // namespace i2v::ui
