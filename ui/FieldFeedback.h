#pragma once

#include "Finding.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace wardroll::ui {

// What the live rules say about one field, shown under it: the worst severity's icon and the
// messages, and, when a rule suggests an unambiguous fix, a button that applies it. Hidden when
// the rules have nothing to say about the field.
class FieldFeedback : public QWidget
{
    Q_OBJECT
public:
    explicit FieldFeedback(QWidget* parent = nullptr);

    // `fixLabel` empty: no fix offered.
    void setFeedback(model::Severity severity, const QString& message, const QString& fixLabel = {});
    void clearFeedback();

    [[nodiscard]] QString message() const;
    [[nodiscard]] bool hasFix() const;
    [[nodiscard]] QPushButton* fixButton() const { return m_fix; }

Q_SIGNALS:
    void fixRequested();

private:
    QLabel* m_icon = nullptr;
    QLabel* m_text = nullptr;
    QPushButton* m_fix = nullptr;
};

} // namespace wardroll::ui
