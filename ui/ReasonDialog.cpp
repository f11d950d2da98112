#include "ReasonDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace wardroll::ui {

ReasonDialog::ReasonDialog(const QString& title, const QString& prompt, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(title);
    auto* layout = new QVBoxLayout(this);
    m_prompt = new QLabel(prompt, this);
    m_prompt->setWordWrap(true);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("reasonText"));
    m_text->setTabChangesFocus(true);
    m_prompt->setBuddy(m_text);
    auto* buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(tr("OK"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("reasonOk"));
    m_ok->setEnabled(false);
    buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_text, &QPlainTextEdit::textChanged, this, [this] { m_ok->setEnabled(!reason().isEmpty()); });
    layout->addWidget(m_prompt);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);
    resize(460, 220);
    m_text->setFocus();
}

QString ReasonDialog::reason() const
{
    return m_text->toPlainText().trimmed();
}

std::optional<QString> ReasonDialog::ask(QWidget* parent, const QString& title, const QString& prompt)
{
    ReasonDialog dialog(title, prompt, parent);
    if (dialog.exec() != QDialog::Accepted || dialog.reason().isEmpty())
        return std::nullopt;
    return dialog.reason();
}

} // namespace wardroll::ui
