#include "ui/InputPanel.h"

#include "ui/DropZone.h"
#include "ui/InputAdvice.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace i2v::ui {
namespace {

constexpr char kFolderKey[] = "input/folder";

} // namespace

InputPanel::InputPanel(QSettings* settings, QWidget* parent) : QWidget(parent), settings_(settings) {
    dropZone_ = new DropZone(this);
    dropZone_->setObjectName(QStringLiteral("dropZone"));
    auto* open = new QPushButton(tr("Open…"), this);
    auto* paste = new QPushButton(tr("Paste"), this);
    connect(open, &QPushButton::clicked, this, &InputPanel::openImage);
    connect(paste, &QPushButton::clicked, this, &InputPanel::pasteImage);
    connect(dropZone_, &DropZone::loadFailed, this, [this](const QString& m) {
        // The decoder's words (formats, libpng/libjpeg errors) under Details; what to do in the banner.
        emit pictureError(
            tr("This picture cannot be used. Choose a PNG, JPEG, WebP, GIF, BMP or TIFF picture that opens in an image viewer."),
            m);
    });
    connect(dropZone_, &DropZone::loadWarning, this, &InputPanel::warning);
    connect(dropZone_, &DropZone::imageChanged, this, &InputPanel::imageChanged);
    auto* row = new QHBoxLayout;
    row->addWidget(open);
    row->addWidget(paste);
    row->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(dropZone_, 1);
    auto* advice = new InputAdvicePanel(dropZone_, this);
    connect(advice, &InputAdvicePanel::sizeChosen, this, &InputPanel::sizeChosen);
    layout->addWidget(advice);
    layout->addLayout(row);
}

void InputPanel::openImage() {
    const QString start = settings_->value(kFolderKey, QDir::homePath()).toString();
    const QString path = QFileDialog::getOpenFileName(window(), tr("Open a picture"), start,
                                                      tr("Pictures (*.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff);;All files (*)"));
    if (path.isEmpty())
        return;
    settings_->setValue(kFolderKey, QFileInfo(path).absolutePath());
    dropZone_->loadFile(path);
}

void InputPanel::pasteImage() {
    const QMimeData* mime = QApplication::clipboard()->mimeData();
    if (!DropZone::canTake(mime)) {
        emit pictureError(tr("The clipboard holds no picture"), QString());
        return;
    }
    dropZone_->loadMimeData(mime, tr("the pasted picture"));
}

} // namespace i2v::ui
