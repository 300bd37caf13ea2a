using System.Collections;

namespace HyperTune.Search.Collections;

/// <summary>
/// A multiset that answers "the k-th smallest" in O(log n): a treap whose nodes (one per distinct value, with its
/// multiplicity and subtree size) live in one array. Add, remove and rank queries are O(log n) expected. Values are
/// ordered by <typeparamref name="TOrder"/>; values it finds equal are one node. As a list, it reads ascending (index =
/// rank). Not thread-safe.
/// </summary>
/// <typeparam name="T">The values.</typeparam>
/// <typeparam name="TOrder">Their order, a total one.</typeparam>
internal class RankedMultiset<T, TOrder> : IReadOnlyList<T>
    where TOrder : IOrder<T>
{
    private const int None = -1;
    private Node[] _nodes = new Node[4];
    private int _used;
    private int _free = None;
    private int _root = None;
    private uint _seed = 0x9E3779B9;

    /// <summary>The number of values, counting repeats.</summary>
    public int Count => Size(_root);

    /// <summary>The <paramref name="rank"/>-th smallest value (0-based, counting repeats).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rank is not below <see cref="Count"/>.</exception>
    public T this[int rank]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(rank);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rank, Count);
            var node = _root;
            while (true)
            {
                var left = Size(_nodes[node].Left);
                if (rank < left)
                {
                    node = _nodes[node].Left;
                }
                else if (rank < left + _nodes[node].Count)
                {
                    return _nodes[node].Value;
                }
                else
                {
                    rank -= left + _nodes[node].Count;
                    node = _nodes[node].Right;
                }
            }
        }
    }

    /// <summary>Adds one instance of <paramref name="value"/>.</summary>
    public void Add(T value) => _root = Insert(_root, value);

    /// <summary>Removes one instance of <paramref name="value"/>; false when there is none.</summary>
    public bool Remove(T value)
    {
        var removed = false;
        _root = Delete(_root, value, ref removed);
        return removed;
    }

    /// <summary>Removes every value.</summary>
    public void Clear()
    {
        _root = None;
        _used = 0;
        _free = None;
    }

    /// <summary>Every value, ascending, repeats included.</summary>
    public IEnumerator<T> GetEnumerator()
    {
        var stack = new Stack<int>();
        var node = _root;
        while (node != None || stack.Count > 0)
        {
            while (node != None)
            {
                stack.Push(node);
                node = _nodes[node].Left;
            }

            node = stack.Pop();
            for (var i = 0; i < _nodes[node].Count; i++)
            {
                yield return _nodes[node].Value;
            }

            node = _nodes[node].Right;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int Size(int node) => node == None ? 0 : _nodes[node].Size;

    private uint Priority(int node) => node == None ? 0 : _nodes[node].Priority;

    private void Update(int node) => _nodes[node].Size = Size(_nodes[node].Left) + Size(_nodes[node].Right) + _nodes[node].Count;

    private int Insert(int node, T value)
    {
        if (node == None)
        {
            return NewNode(value);
        }

        var order = TOrder.Compare(value, _nodes[node].Value);
        if (order == 0)
        {
            _nodes[node].Count++;
            _nodes[node].Size++;
            return node;
        }

        if (order < 0)
        {
            var left = Insert(_nodes[node].Left, value);
            _nodes[node].Left = left;
            if (Priority(left) > _nodes[node].Priority)
            {
                node = RotateRight(node);
            }
        }
        else
        {
            var right = Insert(_nodes[node].Right, value);
            _nodes[node].Right = right;
            if (Priority(right) > _nodes[node].Priority)
            {
                node = RotateLeft(node);
            }
        }

        Update(node);
        return node;
    }

    private int Delete(int node, T value, ref bool removed)
    {
        if (node == None)
        {
            return None;
        }

        var order = TOrder.Compare(value, _nodes[node].Value);
        if (order < 0)
        {
            _nodes[node].Left = Delete(_nodes[node].Left, value, ref removed);
        }
        else if (order > 0)
        {
            _nodes[node].Right = Delete(_nodes[node].Right, value, ref removed);
        }
        else
        {
            removed = true;
            if (_nodes[node].Count > 1)
            {
                _nodes[node].Count--;
                _nodes[node].Size--;
                return node;
            }

            var merged = Merge(_nodes[node].Left, _nodes[node].Right);
            _nodes[node].Left = _free;
            _free = node;
            return merged;
        }

        Update(node);
        return node;
    }

    /// <summary>Joins two treaps whose values are all below (<paramref name="low"/>) and above (<paramref name="high"/>).</summary>
    private int Merge(int low, int high)
    {
        if (low == None)
        {
            return high;
        }

        if (high == None)
        {
            return low;
        }

        if (_nodes[low].Priority > _nodes[high].Priority)
        {
            _nodes[low].Right = Merge(_nodes[low].Right, high);
            Update(low);
            return low;
        }

        _nodes[high].Left = Merge(low, _nodes[high].Left);
        Update(high);
        return high;
    }

    private int RotateRight(int node)
    {
        var left = _nodes[node].Left;
        _nodes[node].Left = _nodes[left].Right;
        _nodes[left].Right = node;
        Update(node);
        return left;
    }

    private int RotateLeft(int node)
    {
        var right = _nodes[node].Right;
        _nodes[node].Right = _nodes[right].Left;
        _nodes[right].Left = node;
        Update(node);
        return right;
    }

    private int NewNode(T value)
    {
        int node;
        if (_free != None)
        {
            node = _free;
            _free = _nodes[node].Left;
        }
        else
        {
            if (_used == _nodes.Length)
            {
                Array.Resize(ref _nodes, _nodes.Length * 2);
            }

            node = _used++;
        }

        // xorshift32: priorities only shape the tree, so a fixed sequence keeps it deterministic.
        _seed ^= _seed << 13;
        _seed ^= _seed >> 17;
        _seed ^= _seed << 5;
        _nodes[node] = new Node { Value = value, Count = 1, Size = 1, Left = None, Right = None, Priority = _seed | 1 };
        return node;
    }

    private struct Node
    {
        public T Value;
        public int Count;
        public int Size;
        public int Left;
        public int Right;
        public uint Priority;
    }
}
