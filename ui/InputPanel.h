// InputPanel: the picture a job starts from, top left in the window: the DropZone, the advice under it
// (InputAdvicePanel) and Open… / Paste. Open… starts in the folder of the last picture opened (input/folder).
// What goes wrong with a picture is reported by signals, for the window's banner or status bar.
#pragma once
#include <QWidget>

class QSettings;

namespace i2v::ui {

class DropZone;

class InputPanel : public QWidget {
    Q_OBJECT
public:
    // `settings` (not owned) remembers the folder Open… was last used in.
    explicit InputPanel(QSettings* settings, QWidget* parent = nullptr);
    DropZone* dropZone() const { return dropZone_; }

public slots:
    void openImage();   // asks for a file
    void pasteImage();  // the clipboard's picture

signals:
    // A picture that cannot be used: `message` says what to do, `details` keeps the loader's words (may be empty).
    void pictureError(const QString& message, const QString& details);
    // The picture loaded with a caveat (only the first frame of an animated GIF is used): no error.
    void warning(const QString& message);
    void imageChanged();
    // The advice's turned video size, which the user took.
    void sizeChosen(int width, int height);

private:
    QSettings* settings_;
    DropZone* dropZone_;
};

} // namespace i2v::ui
