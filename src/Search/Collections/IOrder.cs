namespace HyperTune.Search.Collections;

/// <summary>A total order of <typeparamref name="T"/>, as a type, so a generic collection compares without a call through an object.</summary>
/// <typeparam name="T">The values ordered.</typeparam>
internal interface IOrder<in T>
{
    /// <summary>Negative when <paramref name="a"/> comes first, positive when <paramref name="b"/> does, 0 when equal.</summary>
    static abstract int Compare(T a, T b);
}
