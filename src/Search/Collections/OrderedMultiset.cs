namespace HyperTune.Search.Collections;

/// <summary>A multiset of doubles in <see cref="DoubleOrder"/> with the k-th smallest in O(log n) (see <see cref="RankedMultiset{T, TOrder}"/>).</summary>
internal sealed class OrderedMultiset : RankedMultiset<double, DoubleOrder>
{
}
