//! Which struct-typed fields must be boxed: exactly the edges inside a strongly connected
//! component of the "contains directly" graph (collections already add indirection).

use std::collections::HashSet;

/// `edges[a]` lists the types `a` holds directly (not through a `Vec`). Returns the set of
/// (a, b) edges that need a `Box`.
pub fn boxed_edges(edges: &[Vec<usize>]) -> HashSet<(usize, usize)> {
    let component = strongly_connected(edges);
    let mut out = HashSet::new();
    for (a, targets) in edges.iter().enumerate() {
        for &b in targets {
            if component[a] == component[b] {
                out.insert((a, b));
            }
        }
    }
    out
}

/// Tarjan's algorithm, iterative so deep type graphs cannot overflow the stack. Returns the
/// component number of each node.
fn strongly_connected(edges: &[Vec<usize>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut component = vec![UNSEEN; n];
    let mut next_index = 0;
    let mut next_component = 0;
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        // (node, position in its edge list)
        let mut work = vec![(root, 0usize)];
        while let Some(&mut (v, ref mut pos)) = work.last_mut() {
            if *pos == 0 && index[v] == UNSEEN {
                index[v] = next_index;
                low[v] = next_index;
                next_index += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&w) = edges[v].get(*pos) {
                *pos += 1;
                if index[w] == UNSEEN {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component[w] = next_component;
                    if w == v {
                        break;
                    }
                }
                next_component += 1;
            }
        }
    }
    component
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boxes_only_edges_in_cycles() {
        // 0 -> 1 -> 2 -> 0 is a cycle; 2 -> 3 is not; 3 -> 3 is a self loop.
        let edges = vec![vec![1], vec![2], vec![0, 3], vec![3]];
        let boxed = boxed_edges(&edges);
        let expected: HashSet<_> = [(0, 1), (1, 2), (2, 0), (3, 3)].into_iter().collect();
        assert_eq!(boxed, expected);
    }

    #[test]
    fn acyclic_graph_boxes_nothing() {
        assert!(boxed_edges(&[vec![1], vec![2], vec![]]).is_empty());
    }

    #[test]
    fn deep_chains_do_not_overflow() {
        let n = 200_000;
        let edges: Vec<Vec<usize>> = (0..n)
            .map(|i| if i + 1 < n { vec![i + 1] } else { vec![0] })
            .collect();
        assert_eq!(boxed_edges(&edges).len(), n);
    }
}
