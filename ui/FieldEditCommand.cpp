#include "FieldEditCommand.h"

namespace wardroll::ui {

FieldEditCommand::FieldEditCommand(Apply apply, QString field, QString before, QString after,
                                   const QString& text, QUndoCommand* parent)
    : QUndoCommand(text, parent)
    , m_apply(std::move(apply))
    , m_field(std::move(field))
    , m_before(std::move(before))
    , m_after(std::move(after))
{
}

void FieldEditCommand::undo()
{
    m_apply(m_field, m_before);
}

void FieldEditCommand::redo()
{
    m_apply(m_field, m_after);
}

} // namespace wardroll::ui
