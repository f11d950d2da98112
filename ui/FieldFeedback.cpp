#include "FieldFeedback.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace wardroll::ui {

FieldFeedback::FieldFeedback(QWidget* parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_fix(new QPushButton(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 2);
    layout->setSpacing(4);
    m_icon->setObjectName(QStringLiteral("feedbackIcon"));
    m_text->setObjectName(QStringLiteral("feedbackText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fix->setObjectName(QStringLiteral("fixButton"));
    // Not in the tab chain: a button appearing while the officer types must not change where Tab
    // goes. The form's "apply suggested fix" shortcut reaches it from the keyboard.
    m_fix->setFocusPolicy(Qt::NoFocus);
    m_fix->setFlat(true);
    m_fix->setCursor(Qt::PointingHandCursor);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_fix, 0, Qt::AlignTop);
    connect(m_fix, &QPushButton::clicked, this, &FieldFeedback::fixRequested);
    hide();
}

void FieldFeedback::setFeedback(model::Severity severity, const QString& message, const QString& fixLabel)
{
    const bool error = severity == model::Severity::Error;
    const int size = m_text->fontMetrics().height();
    m_icon->setPixmap(style()
                          ->standardIcon(error ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning)
                          .pixmap(size));
    m_text->setStyleSheet(error ? QStringLiteral("color: #a4001d;") : QStringLiteral("color: #7a4f00;"));
    m_text->setText(message);
    m_fix->setText(fixLabel);
    m_fix->setVisible(!fixLabel.isEmpty());
    show();
}

void FieldFeedback::clearFeedback()
{
    m_text->clear();
    m_fix->setText(QString());
    m_fix->hide();
    hide();
}

QString FieldFeedback::message() const
{
    return m_text->text();
}

bool FieldFeedback::hasFix() const
{
    return !m_fix->isHidden() && !m_fix->text().isEmpty();
}

} // namespace wardroll::ui
