#include "GitFolderFilter.h"

namespace mlops {

bool GitFolderFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return index.data(Qt::DisplayRole).toString() != QLatin1String(".git");
}

} // namespace mlops
