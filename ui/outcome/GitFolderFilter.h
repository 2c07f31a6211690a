#pragma once

#include <QSortFilterProxyModel>

namespace mlops {

// Hides the .git folder from the repository file tree: the history view shows what it holds. Other dot files
// (.github/, .gitlab-ci.yml) are generated content and stay visible, which a QDir filter cannot express.
class GitFolderFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
};

} // namespace mlops
