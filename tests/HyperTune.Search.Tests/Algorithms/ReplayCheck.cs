using HyperTune.Search.Algorithms;

namespace HyperTune.Search.Tests.Algorithms;

/// <summary>
/// The property every searcher and scheduler must have: drive an algorithm with a seeded random sequence of events,
/// after every event store its shared part and its changed trials' parts, and at random points restore fresh replicas
/// from the store (and from the whole state); every replica must then answer every later event exactly as the original
/// does, and end with a byte-equal whole state.
/// </summary>
internal static class ReplayCheck
{
    /// <summary>One event: applies itself to an algorithm and returns its answer as text ("" when it has none).</summary>
    public delegate string Event<in T>(T algorithm);

    /// <summary>
    /// Runs <paramref name="steps"/> events of <paramref name="next"/> (which sees the original and may look at it to
    /// choose, but must act through the event only) on <paramref name="create"/>'s algorithm and its replicas.
    /// </summary>
    public static void Run<T>(int seed, int steps, Func<T> create, Func<Random, T, Event<T>> next)
        where T : IPartitionedState
    {
        var random = new Random(seed);
        var original = create();
        var store = new PartStore();
        var replicas = new List<(string From, int Step, T Replica)>();
        for (var step = 0; step < steps; step++)
        {
            var e = next(random, original);
            var expected = e(original);
            foreach (var (from, at, replica) in replicas)
            {
                var actual = e(replica);
                if (!string.Equals(expected, actual, StringComparison.Ordinal))
                {
                    Assert.Fail($"seed {seed}, step {step}: the replica restored from the {from} at step {at} answered\n  {actual}\nwhere the original answered\n  {expected}");
                }
            }

            store.Flush(original);
            if (random.Next(8) == 0)
            {
                replicas.Clear();
                var fromParts = create();
                store.RestoreInto(fromParts, random);
                var fromWhole = create();
                fromWhole.RestoreState(original.SaveState());
                replicas.Add(("parts", step, fromParts));
                replicas.Add(("whole state", step, fromWhole));
            }
        }

        var final = original.SaveState();
        foreach (var (from, at, replica) in replicas)
        {
            AssertSameState(final, replica.SaveState(), $"seed {seed}: the replica restored from the {from} at step {at}");
        }

        var restored = create();
        store.RestoreInto(restored, random);
        AssertSameState(final, restored.SaveState(), $"seed {seed}: an algorithm restored from the store at the end");
    }

    private static void AssertSameState(byte[] expected, byte[] actual, string who)
    {
        var at = expected.AsSpan().CommonPrefixLength(actual);
        if (at < expected.Length || at < actual.Length)
        {
            var from = Math.Max(0, at - 150);
            Assert.Fail($"{who} saves another state than the original; from byte {from}:\n  {Text(actual, from)}\nexpected\n  {Text(expected, from)}");
        }
    }

    private static string Text(byte[] json, int from) =>
        System.Text.Encoding.UTF8.GetString(json, from, Math.Min(400, json.Length - from));
}
