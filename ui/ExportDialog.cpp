#include "ui/ExportDialog.h"

#include "export/VideoExporter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardItemModel>

#include <exception>

namespace i2v::ui {

ExportDialog::ExportDialog(const ExportSettings& initial, QWidget* parent) : QDialog(parent) {
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
    const int current = format_->findData(QString::fromStdString(formatName(initial.format)));
    format_->setCurrentIndex(current >= 0 ? current : 0);

    fps_ = new QDoubleSpinBox(this);
    fps_->setObjectName(QStringLiteral("exportFps"));
    fps_->setRange(1, 120);
    fps_->setDecimals(1);
    fps_->setValue(initial.fps);
    fps_->setToolTip(tr("Playback rate of the file (independent of the model's fps conditioning)"));
    quality_ = new QSpinBox(this);
    quality_->setRange(0, 100);
    quality_->setValue(initial.quality);
    interpolation_ = new QComboBox(this);
    interpolation_->setObjectName(QStringLiteral("exportInterpolation"));
    interpolation_->addItem(tr("None"), QStringLiteral("none"));
    interpolation_->addItem(tr("Blend (fast)"), QStringLiteral("blend"));
    interpolation_->addItem(tr("Motion (smooth)"), QStringLiteral("motion"));
    interpolation_->setCurrentIndex(std::max(0, interpolation_->findData(QString::fromStdString(interpolationName(initial.interpolation)))));
    interpolatedFps_ = new QDoubleSpinBox(this);
    interpolatedFps_->setObjectName(QStringLiteral("exportInterpolatedFps"));
    interpolatedFps_->setRange(2, 240);
    interpolatedFps_->setDecimals(1);
    interpolatedFps_->setValue(initial.interpolatedFps);
    interpolatedFps_->setToolTip(tr("The rate of the written video when frames are interpolated: above the playback "
                                    "fps, which then sets how fast the motion plays"));
    loop_ = new QComboBox(this);
    loop_->addItem(tr("Once"), QStringLiteral("once"));
    loop_->addItem(tr("Repeat"), QStringLiteral("repeat"));
    loop_->addItem(tr("Ping-pong"), QStringLiteral("pingpong"));
    loop_->setCurrentIndex(std::max(0, loop_->findData(QString::fromStdString(loopModeName(initial.loop)))));

    auto* form = new QFormLayout(this);
    form->addRow(tr("Format"), format_);
    form->addRow(tr("Playback fps"), fps_);
    form->addRow(tr("Quality"), quality_);
    form->addRow(tr("Interpolation"), interpolation_);
    form->addRow(tr("Interpolated fps"), interpolatedFps_);
    form->addRow(tr("Loop"), loop_);
    problem_ = new QLabel(this);
    problem_->setObjectName(QStringLiteral("exportProblem"));
    problem_->setWordWrap(true);
    form->addRow(problem_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    ok_ = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);

    // Checked as the choice changes: the exporter refused these only after the file had been chosen (30 fps
    // with interpolation to 24, a GIF over 50 fps).
    for (QComboBox* box : {format_, interpolation_, loop_})
        connect(box, qOverload<int>(&QComboBox::currentIndexChanged), this, &ExportDialog::updateState);
    for (QDoubleSpinBox* box : {fps_, interpolatedFps_})
        connect(box, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &ExportDialog::updateState);
    updateState();
}

void ExportDialog::updateState() {
    interpolatedFps_->setEnabled(interpolation_->currentData().toString() != QLatin1String("none"));
    QString problem;
    try {
        validateSettings(choice());
    } catch (const std::exception& e) {
        problem = QString::fromStdString(e.what());  // core's sentence, lower-case as in the CLI's "i2v: ..."
        if (problem.isEmpty())
            problem = tr("These settings cannot be exported");
        problem[0] = problem[0].toUpper();
    }
    const bool changed = problem_->text() != problem;
    problem_->setText(problem);
    problem_->setVisible(!problem.isEmpty());
    ok_->setEnabled(problem.isEmpty());
    // A top-level window does not grow by itself for a word-wrapped label's new lines.
    if (changed && isVisible())
        adjustSize();
}

ExportSettings ExportDialog::choice() const {
    ExportSettings c;
    c.format = parseVideoFormat(format_->currentData().toString().toStdString());
    c.fps = fps_->value();
    c.quality = quality_->value();
    c.interpolation = parseInterpolation(interpolation_->currentData().toString().toStdString());
    c.interpolatedFps = interpolatedFps_->value();
    c.loop = parseLoopMode(loop_->currentData().toString().toStdString());
    return c;
}

ExportSettings ExportDialog::load(const QSettings& s) {
    ExportSettings c;
    // Each stored name on its own: one this build does not know (an older or newer version's) keeps its default.
    auto readName = [&s](const char* key, auto& value, auto parse) {
        if (!s.contains(key))
            return;
        try {
            value = parse(s.value(key).toString().toStdString());
        } catch (const std::exception&) {
        }
    };
    readName("export/format", c.format, parseVideoFormat);
    readName("export/interpolation", c.interpolation, parseInterpolation);
    readName("export/loop", c.loop, parseLoopMode);
    c.fps = s.value("export/fps", c.fps).toDouble();
    c.interpolatedFps = s.value("export/interpolatedFps", c.interpolatedFps).toDouble();
    c.quality = s.value("export/quality", c.quality).toInt();
    return c;
}

void ExportDialog::save(QSettings& s, const ExportSettings& c) {
    s.setValue("export/format", QString::fromStdString(formatName(c.format)));
    s.setValue("export/fps", c.fps);
    s.setValue("export/quality", c.quality);
    s.setValue("export/interpolation", QString::fromStdString(interpolationName(c.interpolation)));
    s.setValue("export/interpolatedFps", c.interpolatedFps);
    s.setValue("export/loop", QString::fromStdString(loopModeName(c.loop)));
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

} // namespace i2v::ui
