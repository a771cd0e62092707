// binary-trees: allocate, walk and free perfect binary trees (single-threaded).
use std::env;

struct Node {
    children: Option<(Box<Node>, Box<Node>)>,
}

fn make_tree(depth: u32) -> Box<Node> {
    if depth > 0 {
        Box::new(Node {
            children: Some((make_tree(depth - 1), make_tree(depth - 1))),
        })
    } else {
        Box::new(Node { children: None })
    }
}

// Number of nodes in the tree.
fn check_tree(n: &Node) -> u64 {
    match &n.children {
        None => 1,
        Some((left, right)) => 1 + check_tree(left) + check_tree(right),
    }
}

fn main() {
    let min_depth: u32 = 4;
    let n: i64 = env::args()
        .nth(1)
        .map(|s| s.trim().parse().expect("depth must be an integer"))
        .unwrap_or(10);
    let max_depth: u32 = if n < (min_depth + 2) as i64 { min_depth + 2 } else { n as u32 };
    let stretch_depth = max_depth + 1;

    {
        let stretch = make_tree(stretch_depth);
        println!("stretch tree of depth {}\t check: {}", stretch_depth, check_tree(&stretch));
    }

    let long_lived = make_tree(max_depth);

    let mut depth = min_depth;
    while depth <= max_depth {
        let iterations: u64 = 1u64 << (max_depth - depth + min_depth);
        let mut check: u64 = 0;
        for _ in 0..iterations {
            let t = make_tree(depth);
            check += check_tree(&t);
        }
        println!("{}\t trees of depth {}\t check: {}", iterations, depth, check);
        depth += 2;
    }

    println!("long lived tree of depth {}\t check: {}", max_depth, check_tree(&long_lived));
}
