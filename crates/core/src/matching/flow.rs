//! Minimum-cost maximum flow, for the assignment in [`super::propose_with`].
//!
//! Primal-dual: Dijkstra on reduced costs gives the length of the shortest augmenting path and
//! new node potentials, after which every arc on a shortest path has reduced cost zero. All of
//! those paths are then augmented at once with Dinic's blocking flows on the zero-reduced-cost
//! arcs, before the next Dijkstra. Plain successive shortest paths would run one Dijkstra per
//! matched newcomer (2,000 over a million arcs in the benchmark); here there is one per distinct
//! shortest-path length, and with small integer costs there are few of those (28 in the
//! benchmark). The blocking flows walk only the arcs of reduced cost zero, listed once per
//! phase: walking all arcs in every Dinic round made the benchmark five times slower.
//!
//! Costs must be non-negative, so that zero potentials are feasible to start with. Everything is
//! deterministic: arcs are tried in the order the edges were given.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

/// A directed edge of the network.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Edge {
    pub from: u32,
    pub to: u32,
    pub capacity: u32,
    /// Non-negative.
    pub cost: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Solution {
    /// The flow on each edge, in the order the edges were given.
    pub flows: Vec<u32>,
    pub total_flow: u64,
}

const UNREACHED: i64 = i64::MAX;
/// A level no node has: marks a node the blocking flow found to be a dead end.
const DEAD_END: u32 = u32::MAX;

/// The residual network in compressed adjacency form: the arcs leaving node `u` are
/// `first_arc[u]..first_arc[u + 1]`. Each edge has a forward arc and a reverse arc, the reverse
/// one starting empty with the negated cost.
struct Residual {
    first_arc: Vec<usize>,
    head: Vec<u32>,
    /// The arc going the other way, whose residual capacity grows when this one's shrinks.
    partner: Vec<usize>,
    residual: Vec<u32>,
    cost: Vec<i64>,
    /// Node potentials: `cost + potential[tail] - potential[head]` is never negative on an arc
    /// with residual capacity.
    potential: Vec<i64>,
}

/// The flow of largest value from `source` to `sink` and, among those, one of least cost.
pub(crate) fn min_cost_max_flow(
    node_count: usize,
    edges: &[Edge],
    source: usize,
    sink: usize,
) -> Solution {
    assert!(source < node_count && sink < node_count && source != sink);
    let mut network = Residual::new(node_count, edges);
    let mut total_flow = 0u64;
    while network.update_potentials(source, sink) {
        total_flow += network.augment_shortest_paths(source, sink);
    }
    let flows: Vec<u32> = network
        .forward_arcs(edges)
        .into_iter()
        .zip(edges)
        .map(|(arc, edge)| edge.capacity - network.residual[arc])
        .collect();
    Solution { flows, total_flow }
}

impl Residual {
    fn new(node_count: usize, edges: &[Edge]) -> Residual {
        let mut first_arc = vec![0usize; node_count + 1];
        for edge in edges {
            assert!(edge.cost >= 0, "costs must not be negative");
            first_arc[edge.from as usize + 1] += 1;
            first_arc[edge.to as usize + 1] += 1;
        }
        for u in 0..node_count {
            first_arc[u + 1] += first_arc[u];
        }
        let arc_count = first_arc[node_count];
        let mut next_free = first_arc.clone();
        let mut network = Residual {
            first_arc,
            head: vec![0; arc_count],
            partner: vec![0; arc_count],
            residual: vec![0; arc_count],
            cost: vec![0; arc_count],
            potential: vec![0; node_count],
        };
        for edge in edges {
            let forward = next_free[edge.from as usize];
            next_free[edge.from as usize] += 1;
            let reverse = next_free[edge.to as usize];
            next_free[edge.to as usize] += 1;
            network.head[forward] = edge.to;
            network.head[reverse] = edge.from;
            network.partner[forward] = reverse;
            network.partner[reverse] = forward;
            network.residual[forward] = edge.capacity;
            network.cost[forward] = edge.cost;
            network.cost[reverse] = -edge.cost;
        }
        network
    }

    /// The forward arc of each edge: the arcs of a node were filled in edge order.
    fn forward_arcs(&self, edges: &[Edge]) -> Vec<usize> {
        let mut next = self.first_arc.clone();
        edges
            .iter()
            .map(|edge| {
                let forward = next[edge.from as usize];
                next[edge.from as usize] += 1;
                next[edge.to as usize] += 1;
                forward
            })
            .collect()
    }

    fn reduced_cost(&self, tail: usize, arc: usize) -> i64 {
        self.cost[arc] + self.potential[tail] - self.potential[self.head[arc] as usize]
    }

    /// Dijkstra on reduced costs, then shifts the potentials so that every arc on a shortest
    /// path to the sink has reduced cost zero. False when the sink cannot be reached: the flow
    /// is then maximal.
    fn update_potentials(&mut self, source: usize, sink: usize) -> bool {
        let n = self.potential.len();
        let mut distance = vec![UNREACHED; n];
        let mut done = vec![false; n];
        let mut queue = BinaryHeap::new();
        distance[source] = 0;
        queue.push(Reverse((0i64, source as u32)));
        while let Some(Reverse((d, u))) = queue.pop() {
            let u = u as usize;
            if done[u] {
                continue;
            }
            done[u] = true;
            // Nodes further away than the sink keep their relative potentials (below), so the
            // search can stop here.
            if u == sink {
                break;
            }
            for arc in self.first_arc[u]..self.first_arc[u + 1] {
                if self.residual[arc] == 0 {
                    continue;
                }
                let v = self.head[arc] as usize;
                let through_u = d + self.reduced_cost(u, arc);
                if through_u < distance[v] {
                    distance[v] = through_u;
                    queue.push(Reverse((through_u, v as u32)));
                }
            }
        }
        let to_sink = distance[sink];
        if to_sink == UNREACHED {
            return false;
        }
        // Capping at the sink's distance keeps every reduced cost non-negative: for an arc
        // u -> v, d(v) <= d(u) + reduced cost, and capping both sides can only help.
        for (potential, d) in self.potential.iter_mut().zip(distance) {
            *potential += d.min(to_sink);
        }
        true
    }

    /// Dinic's algorithm on the arcs with residual capacity and reduced cost zero: every path
    /// made of them is a shortest augmenting path. Pushing flow along such an arc opens its
    /// partner, whose reduced cost is zero too, so the potentials stay feasible throughout.
    fn augment_shortest_paths(&mut self, source: usize, sink: usize) -> u64 {
        let n = self.potential.len();
        // The potentials hold still during the phase, so the zero-cost ("tight") arcs can be
        // listed once: the rounds below then walk a few percent of the arcs, not all of them.
        // Both arcs of a pair are tight or neither, so flow never leaves this list.
        let mut tight_first = Vec::with_capacity(n + 1);
        let mut tight: Vec<usize> = Vec::new();
        for u in 0..n {
            tight_first.push(tight.len());
            tight.extend(
                (self.first_arc[u]..self.first_arc[u + 1])
                    .filter(|&arc| self.reduced_cost(u, arc) == 0),
            );
        }
        tight_first.push(tight.len());

        let mut level = vec![DEAD_END; n];
        let mut next_arc = vec![0usize; n];
        let mut queue = VecDeque::new();
        let mut path: Vec<usize> = Vec::new();
        let mut pushed = 0u64;
        loop {
            // Levels: breadth-first distance from the source over tight arcs with room.
            level.fill(DEAD_END);
            level[source] = 0;
            queue.clear();
            queue.push_back(source);
            while let Some(u) = queue.pop_front() {
                for &arc in &tight[tight_first[u]..tight_first[u + 1]] {
                    let v = self.head[arc] as usize;
                    if level[v] == DEAD_END && self.residual[arc] > 0 {
                        level[v] = level[u] + 1;
                        queue.push_back(v);
                    }
                }
            }
            if level[sink] == DEAD_END {
                return pushed;
            }
            next_arc.copy_from_slice(&tight_first[..n]);
            // Blocking flow, depth first without recursion: alternating paths can be as long
            // as there are people. `path` holds indices into `tight`.
            path.clear();
            let mut u = source;
            loop {
                if u == sink {
                    let bottleneck = path
                        .iter()
                        .map(|&t| self.residual[tight[t]])
                        .min()
                        .unwrap_or(0);
                    for &t in &path {
                        let arc = tight[t];
                        self.residual[arc] -= bottleneck;
                        self.residual[self.partner[arc]] += bottleneck;
                    }
                    pushed += u64::from(bottleneck);
                    // Go back to just before the first arc that is now full.
                    let full = path
                        .iter()
                        .position(|&t| self.residual[tight[t]] == 0)
                        .unwrap_or(0);
                    path.truncate(full);
                    u = path
                        .last()
                        .map_or(source, |&t| self.head[tight[t]] as usize);
                    continue;
                }
                let mut advanced = false;
                while next_arc[u] < tight_first[u + 1] {
                    let t = next_arc[u];
                    let v = self.head[tight[t]] as usize;
                    if self.residual[tight[t]] > 0
                        && level[v] != DEAD_END
                        && level[v] == level[u] + 1
                    {
                        path.push(t);
                        u = v;
                        advanced = true;
                        break;
                    }
                    next_arc[u] += 1;
                }
                if advanced {
                    continue;
                }
                // Nothing more gets through u in this round.
                level[u] = DEAD_END;
                match path.pop() {
                    None => break,
                    Some(t) => {
                        u = self.head[self.partner[tight[t]]] as usize;
                        next_arc[u] += 1;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn total_cost(solution: &Solution, edges: &[Edge]) -> i64 {
        solution
            .flows
            .iter()
            .zip(edges)
            .map(|(&flow, edge)| i64::from(flow) * edge.cost)
            .sum()
    }

    fn edge(from: u32, to: u32, capacity: u32, cost: i64) -> Edge {
        Edge {
            from,
            to,
            capacity,
            cost,
        }
    }

    #[test]
    fn takes_the_cheaper_of_two_routes() {
        // 0 -> 1 -> 3 costs 1, 0 -> 2 -> 3 costs 5; one unit.
        let edges = [
            edge(0, 1, 1, 0),
            edge(0, 2, 1, 0),
            edge(1, 3, 1, 1),
            edge(2, 3, 1, 5),
            edge(4, 3, 1, 0), // a node nothing reaches
        ];
        let solution = min_cost_max_flow(5, &edges, 0, 3);
        assert_eq!(solution.total_flow, 2);
        assert_eq!(total_cost(&solution, &edges), 6);
        let edges = [
            edge(0, 1, 1, 0),
            edge(1, 3, 1, 1),
            edge(1, 2, 1, 0),
            edge(2, 3, 1, 5),
        ];
        let solution = min_cost_max_flow(4, &edges, 0, 3);
        assert_eq!((solution.total_flow, total_cost(&solution, &edges)), (1, 1));
        assert_eq!(solution.flows, vec![1, 1, 0, 0]);
    }

    #[test]
    fn reroutes_an_earlier_path_to_get_more_flow() {
        // Bipartite: a and b on the left (1, 2), x and y on the right (3, 4). a-x is cheapest,
        // but b can only use x, so the maximum flow sends a to y.
        let (s, a, b, x, y, t) = (0, 1, 2, 3, 4, 5);
        let edges = [
            edge(s, a, 1, 0),
            edge(s, b, 1, 0),
            edge(a, x, 1, 0),
            edge(a, y, 1, 7),
            edge(b, x, 1, 3),
            edge(x, t, 1, 0),
            edge(y, t, 1, 0),
        ];
        let solution = min_cost_max_flow(6, &edges, s as usize, t as usize);
        assert_eq!(solution.total_flow, 2);
        assert_eq!(total_cost(&solution, &edges), 10);
        assert_eq!(solution.flows, vec![1, 1, 0, 1, 1, 1, 1]);
    }

    #[test]
    fn carries_capacities_above_one_and_parallel_edges() {
        let edges = [
            edge(0, 1, 5, 0),
            edge(1, 2, 2, 4),
            edge(1, 2, 2, 1),
            edge(2, 3, 3, 0),
            edge(1, 3, 1, 9),
        ];
        let solution = min_cost_max_flow(4, &edges, 0, 3);
        assert_eq!(solution.total_flow, 4);
        assert_eq!(solution.flows, vec![4, 1, 2, 3, 1]);
        assert_eq!(total_cost(&solution, &edges), 4 + 2 + 9);
    }

    #[test]
    fn no_path_means_no_flow() {
        let solution = min_cost_max_flow(3, &[edge(0, 1, 3, 2)], 0, 2);
        assert_eq!(
            solution,
            Solution {
                flows: vec![0],
                total_flow: 0
            }
        );
    }
}
