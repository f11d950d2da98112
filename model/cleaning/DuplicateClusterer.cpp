#include "DuplicateClusterer.h"

#include <algorithm>
#include <unordered_map>

namespace wardroll::model {

std::vector<std::vector<quint32>> DuplicateClusterer::cluster(std::vector<Link> links,
                                                              const Evidence& evidence,
                                                              const Options& options,
                                                              const std::vector<std::vector<quint32>>& units)
{
    std::stable_sort(links.begin(), links.end(),
                     [](const Link& x, const Link& y) { return x.score > y.score; });
    // Union-find over the nodes that occur, with each root's member list.
    std::unordered_map<quint32, quint32> parent;
    std::unordered_map<quint32, std::vector<quint32>> members;
    std::unordered_map<quint32, double> best;
    auto find = [&](quint32 x) {
        auto it = parent.find(x);
        if (it == parent.end()) {
            parent.emplace(x, x);
            members[x] = {x};
            return x;
        }
        quint32 root = x;
        while (parent[root] != root)
            root = parent[root];
        while (parent[x] != root) {
            const quint32 next = parent[x];
            parent[x] = root;
            x = next;
        }
        return root;
    };
    auto join = [&](quint32 ra, quint32 rb) {
        auto& big = members[ra];
        auto& small = members[rb];
        big.insert(big.end(), small.begin(), small.end());
        members.erase(rb);
        parent[rb] = ra;
    };
    for (const auto& unit : units) {
        if (unit.empty())
            continue;
        const quint32 root = find(unit.front());
        for (size_t i = 1; i < unit.size(); ++i) {
            const quint32 other = find(unit[i]);
            if (other != root)
                join(root, other);
        }
    }
    for (const Link& link : links) {
        quint32 ra = find(link.a);
        quint32 rb = find(link.b);
        if (ra == rb)
            continue;
        if (members[ra].size() < members[rb].size())
            std::swap(ra, rb);
        const auto& ma = members[ra];
        const auto& mb = members[rb];
        if (static_cast<int>(ma.size() + mb.size()) > options.maxClusterSize)
            continue;
        bool forbidden = false;
        for (quint32 x : ma) {
            for (quint32 y : mb) {
                if (evidence(x, y) < options.veto) {
                    forbidden = true;
                    break;
                }
            }
            if (forbidden)
                break;
        }
        if (forbidden)
            continue;
        const double linkBest = std::max({link.score, best[ra], best[rb]});
        join(ra, rb);
        best[ra] = linkBest;
    }
    std::vector<std::pair<double, std::vector<quint32>>> clusters;
    for (auto& [root, list] : members) {
        if (list.size() < 2)
            continue;
        std::sort(list.begin(), list.end());
        clusters.emplace_back(best[root], std::move(list));
    }
    std::sort(clusters.begin(), clusters.end(), [](const auto& x, const auto& y) {
        return x.first != y.first ? x.first > y.first : x.second.front() < y.second.front();
    });
    std::vector<std::vector<quint32>> out;
    out.reserve(clusters.size());
    for (auto& c : clusters)
        out.push_back(std::move(c.second));
    return out;
}

} // namespace wardroll::model
