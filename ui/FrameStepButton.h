// FrameStepButton: the "previous frame" / "next frame" buttons both players share. They step one frame,
// so they carry a one-frame label, not the skip-to-start/end icons of the style.
#pragma once

class QToolButton;
class QWidget;

namespace i2v::ui {

enum class FrameStep { Backward, Forward };

QToolButton* makeFrameStepButton(QWidget* parent, FrameStep direction);

} // namespace i2v::ui
