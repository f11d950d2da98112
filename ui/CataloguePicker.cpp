#include "CataloguePicker.h"

#include "FoldedFilterModel.h"
#include "VietnameseText.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QStandardItemModel>

namespace wardroll::ui {

namespace {
constexpr int ValueRole = Qt::UserRole + 1;
}

CataloguePicker::CataloguePicker(QWidget* parent)
    : QLineEdit(parent)
    , m_items(new QStandardItemModel(this))
    , m_filter(new FoldedFilterModel(this))
    , m_completer(new QCompleter(this))
{
    m_filter->setSourceModel(m_items);
    m_completer->setModel(m_filter);
    // The proxy filters (accent-insensitively): the completer only shows what it is given.
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setMaxVisibleItems(12);
    setCompleter(m_completer);

    connect(this, &QLineEdit::textEdited, this, &CataloguePicker::filter);
    connect(m_completer, qOverload<const QModelIndex&>(&QCompleter::activated), this,
            &CataloguePicker::choose);
    connect(this, &QLineEdit::editingFinished, this, [this] {
        // Typed text that spells an item exactly takes its value.
        if (m_coded && m_value.isEmpty()) {
            const QString found = m_valueByText.value(text().trimmed());
            if (!found.isEmpty()) {
                m_value = found;
                Q_EMIT valueChanged();
            }
        }
        Q_EMIT committed();
    });
}

void CataloguePicker::fill(const QList<CatalogueItem>& items)
{
    m_items->clear();
    for (const CatalogueItem& item : items) {
        auto* row = new QStandardItem(item.text);
        row->setData(item.value, ValueRole);
        row->setData(model::VietnameseText::foldKey(QString(item.text + QLatin1Char(' ') + item.keys)),
                     FoldedFilterModel::KeyRole);
        m_items->appendRow(row);
        m_valueByText.insert(item.text, item.value);
        m_textByValue.insert(item.value, item.text);
    }
}

void CataloguePicker::setItems(const QList<CatalogueItem>& items)
{
    m_valueByText.clear();
    m_textByValue.clear();
    fill(items);
}

void CataloguePicker::setSource(Source source)
{
    m_source = std::move(source);
}

void CataloguePicker::filter(const QString& typed)
{
    if (m_coded && !m_value.isEmpty()) {
        m_value.clear();
        Q_EMIT valueChanged();
    } else if (!m_coded) {
        Q_EMIT valueChanged();
    }
    if (m_source)
        fill(m_source(typed)); // keeps what earlier searches found, so a chosen text stays known
    m_filter->setQuery(m_source ? QString() : typed);
    if (typed.trimmed().isEmpty() || m_filter->rowCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->complete();
}

void CataloguePicker::choose(const QModelIndex& proxyIndex)
{
    const QModelIndex source = m_filter->mapToSource(proxyIndex);
    const QString value = source.data(ValueRole).toString();
    setText(source.data(Qt::DisplayRole).toString());
    if (m_coded)
        m_value = value;
    Q_EMIT valueChanged();
    Q_EMIT committed();
}

bool CataloguePicker::event(QEvent* event)
{
    // Tab leaves the field as typed: the list closes (a suggestion is taken only when chosen).
    if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if ((key == Qt::Key_Tab || key == Qt::Key_Backtab) && m_completer->popup()->isVisible())
            m_completer->popup()->hide();
    }
    return QLineEdit::event(event);
}

void CataloguePicker::focusOutEvent(QFocusEvent* event)
{
    if (event->reason() != Qt::PopupFocusReason && m_completer->popup()->isVisible())
        m_completer->popup()->hide();
    QLineEdit::focusOutEvent(event);
}

QString CataloguePicker::value() const
{
    return m_coded ? m_value : text().trimmed();
}

void CataloguePicker::setValue(const QString& value)
{
    if (!m_coded) {
        if (text() != value)
            setText(value);
        return;
    }
    m_value = value;
    QString shown = m_textByValue.value(value);
    if (shown.isEmpty() && !value.isEmpty())
        shown = m_describe ? m_describe(value) : value;
    if (text() != shown)
        setText(shown);
}

} // namespace wardroll::ui
