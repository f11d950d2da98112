#pragma once

#include <optional>
#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace wardroll::ui {

// Asks for the reason of a decision that needs one (dismissing a flag, "not the same person"):
// OK stays disabled until something is written.
class ReasonDialog : public QDialog
{
    Q_OBJECT
public:
    ReasonDialog(const QString& title, const QString& prompt, QWidget* parent = nullptr);

    [[nodiscard]] QString reason() const;
    // Shows the dialog; the trimmed reason, or nothing when cancelled.
    [[nodiscard]] static std::optional<QString> ask(QWidget* parent, const QString& title,
                                                    const QString& prompt);

private:
    QLabel* m_prompt = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace wardroll::ui
