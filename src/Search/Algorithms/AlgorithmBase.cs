using System.Collections.ObjectModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HyperTune.Search.Algorithms;

/// <summary>
/// The state plumbing of <see cref="Searchers.SearcherBase"/> and <see cref="Schedulers.TrialSchedulerBase"/>: the
/// trials heard of (by id, and in the order heard of), the ids changed since <see cref="TakeChangedTrials"/>, and the
/// saved state in parts or whole, framed the same way for both.
/// </summary>
/// <typeparam name="TTrial">What the algorithm remembers of one trial.</typeparam>
/// <remarks>
/// <para>
/// Shared part: <c>{"kind":…, "format":2, "fingerprint":…, "trial_count":n, "algorithm":{…}}</c>, where the fingerprint
/// hashes what the algorithm's decisions depend on (restoring onto an algorithm of another spec throws) and
/// <c>algorithm</c> is the algorithm's own bounded state. Trial part: <c>{"id":…, "index":i, …the record…,
/// "algorithm":{…}}</c>, the last only for algorithms that keep per-trial state. Whole state: the shared part with
/// <c>"trials":[…]</c>, every trial part in index order. Format 1, the whole state of earlier versions, is still read.
/// </para>
/// <para>
/// Every aggregate over trials (rungs, medians, lineage) lives in the trial parts and is rebuilt on restore, so the
/// shared part stays the same size from 10 to 100,000 trials.
/// </para>
/// </remarks>
public abstract class AlgorithmBase<TTrial> : IPartitionedState
    where TTrial : class
{
    private const int Format = 2;
    private const int LegacyFormat = 1;
    private readonly Dictionary<string, TTrial> _byId = new(StringComparer.Ordinal);
    private readonly List<TTrial> _ordered = [];
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);
    private readonly string _role;
    private readonly string _fingerprint;

    private protected AlgorithmBase(string role, string fingerprint)
    {
        _role = role;
        _fingerprint = fingerprint;
        OrderedTrials = new ReadOnlyCollection<TTrial>(_ordered);
    }

    /// <summary>The algorithm kind, as in the spec.</summary>
    public abstract string Kind { get; }

    /// <summary>The trials heard of, in that order (a live view).</summary>
    private protected IReadOnlyList<TTrial> OrderedTrials { get; }

    /// <summary>The number of trials heard of.</summary>
    private protected int TrialCount => _ordered.Count;

    /// <inheritdoc />
    public byte[] SaveShared()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteHeader(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <inheritdoc />
    public byte[]? SaveTrial(string trialId)
    {
        ArgumentNullException.ThrowIfNull(trialId);
        if (!_byId.TryGetValue(trialId, out var trial))
        {
            return null;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteTrial(writer, trial);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <inheritdoc />
    public IReadOnlyCollection<string> TakeChangedTrials()
    {
        if (_changed.Count == 0)
        {
            return [];
        }

        var changed = _changed.ToArray();
        _changed.Clear();
        return changed;
    }

    /// <inheritdoc />
    public byte[] SaveState()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteHeader(writer);
            writer.WriteStartArray("trials");
            foreach (var trial in _ordered)
            {
                WriteTrial(writer, trial);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <inheritdoc />
    public void Restore(ReadOnlySpan<byte> shared, IEnumerable<KeyValuePair<string, byte[]>> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var header = Read(shared, "shared part");
        if (header.Trials is not null)
        {
            throw new InvalidOperationException($"The shared part of the {_role} state holds trials: it is a whole state; restore it with RestoreState.");
        }

        CheckFrame(header, allowLegacy: false);
        var parts = new List<(TTrial Trial, JsonObject? State)>();
        foreach (var (id, bytes) in trials)
        {
            ArgumentNullException.ThrowIfNull(bytes);
            var part = ReadTrialPart(Read<JsonElement>(bytes, $"part of trial '{id}'"));
            if (!string.Equals(IdOf(part.Trial), id, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The {_role} state part stored for trial '{id}' is the part of trial '{IdOf(part.Trial)}'.");
            }

            parts.Add(part);
        }

        var count = header.TrialCount ?? throw new InvalidOperationException($"The shared part of the {_role} state has no trial count.");
        Load(count, header.Algorithm ?? [], parts, trialStates: null);
        _changed.Clear();
    }

    /// <inheritdoc />
    public void RestoreState(byte[] state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var header = Read(state, "state");
        CheckFrame(header, allowLegacy: true);
        var elements = header.Trials ?? throw new InvalidOperationException($"The {_role} state has no trials: it is a shared part; restore it with Restore.");
        var parts = elements.Select(ReadTrialPart).ToList();
        var algorithm = header.Algorithm ?? [];
        Dictionary<string, JsonObject>? trialStates = null;
        if (header.Format == LegacyFormat)
        {
            trialStates = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
            algorithm = Malformed(() => UpgradeFormat1(algorithm, trialStates));
        }

        Load(header.TrialCount ?? parts.Count, algorithm, parts, trialStates);
        _changed.Clear();
        _changed.UnionWith(_byId.Keys);
    }

    /// <summary>Finds a trial.</summary>
    private protected TTrial? Find(string trialId) => _byId.GetValueOrDefault(trialId);

    /// <summary>Records a trial heard of for the first time; its index must be <see cref="TrialCount"/>.</summary>
    private protected void Add(TTrial trial)
    {
        if (IndexOf(trial) != _ordered.Count)
        {
            throw new InvalidOperationException($"A new trial must have index {_ordered.Count}, not {IndexOf(trial)}.");
        }

        _byId.Add(IdOf(trial), trial);
        _ordered.Add(trial);
        _changed.Add(IdOf(trial));
    }

    /// <summary>Replaces the record of a known trial (same id and index) and marks it changed.</summary>
    private protected void Replace(TTrial trial)
    {
        _byId[IdOf(trial)] = trial;
        _ordered[IndexOf(trial)] = trial;
        _changed.Add(IdOf(trial));
    }

    /// <summary>Marks a trial's part as changed, for <see cref="TakeChangedTrials"/>.</summary>
    private protected void MarkChanged(TTrial trial) => _changed.Add(IdOf(trial));

    private protected abstract string IdOf(TTrial trial);

    private protected abstract int IndexOf(TTrial trial);

    /// <summary>The algorithm's own shared state: small and bounded, whatever the number of trials.</summary>
    private protected abstract JsonObject SaveSharedState();

    /// <summary>Writes a trial's part: its record and, when the algorithm keeps any, its per-trial state.</summary>
    private protected abstract void WriteTrial(Utf8JsonWriter writer, TTrial trial);

    /// <summary>Reads a trial's part; the per-trial state of the algorithm, when there is one, is handed back apart.</summary>
    /// <exception cref="JsonException">The part is malformed.</exception>
    private protected abstract (TTrial Trial, JsonObject? State) ReadTrial(JsonElement part);

    /// <summary>
    /// Restores the algorithm's own state after the trials are in place: the shared state, and each trial's per-trial
    /// state (null when its part has none). Replaces all of it and rebuilds every aggregate over trials.
    /// </summary>
    /// <exception cref="InvalidOperationException">The state is malformed.</exception>
    private protected abstract void RestoreAlgorithm(JsonObject shared, Func<TTrial, JsonObject?> trialState);

    /// <summary>
    /// Turns the aggregate algorithm state of format 1 into the shared state it returns and per-trial states it adds to
    /// <paramref name="trialStates"/> (by trial id). By default the algorithm state is the shared state as it is.
    /// </summary>
    private protected virtual JsonObject UpgradeFormat1(JsonObject algorithm, Dictionary<string, JsonObject> trialStates) => algorithm;

    private void WriteHeader(Utf8JsonWriter writer)
    {
        writer.WriteString("kind", Kind);
        writer.WriteNumber("format", Format);
        writer.WriteString("fingerprint", _fingerprint);
        writer.WriteNumber("trial_count", _ordered.Count);
        writer.WritePropertyName("algorithm");
        SaveSharedState().WriteTo(writer, AlgorithmJson.Options);
    }

    private void CheckFrame(AlgorithmStateHeader header, bool allowLegacy)
    {
        if (!string.Equals(header.Kind, Kind, StringComparison.Ordinal) || !(header.Format == Format || (allowLegacy && header.Format == LegacyFormat)))
        {
            throw new InvalidOperationException($"The state is of a '{header.Kind}' {_role} (format {header.Format}), not '{Kind}' (format {Format}).");
        }

        if (!string.Equals(header.Fingerprint, _fingerprint, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(_role == "searcher"
                ? "The state was saved by a searcher of another search space, searcher options or seed."
                : "The state was saved by a scheduler of other options, objective or seed.");
        }
    }

    /// <summary>Checks that the parts are trials 0 … count − 1, each once, then replaces the state with them.</summary>
    private void Load(int count, JsonObject shared, List<(TTrial Trial, JsonObject? State)> parts, Dictionary<string, JsonObject>? trialStates)
    {
        if (parts.Count != count)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The {_role} state counts {count} trials but has {parts.Count} trial parts."));
        }

        var slots = new (TTrial Trial, JsonObject? State)?[count];
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            var index = IndexOf(part.Trial);
            if (index < 0 || index >= count || slots[index] is not null || !ids.Add(IdOf(part.Trial)))
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The {_role} state's trial parts are not one set of indexes 0 to {count - 1} with distinct ids (trial '{IdOf(part.Trial)}', index {index})."));
            }

            slots[index] = part;
        }

        _byId.Clear();
        _ordered.Clear();
        var states = trialStates ?? new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var slot in slots)
        {
            var (trial, state) = slot!.Value;
            _byId.Add(IdOf(trial), trial);
            _ordered.Add(trial);
            if (state is not null)
            {
                states[IdOf(trial)] = state;
            }
        }

        Malformed(() =>
        {
            RestoreAlgorithm(shared, trial => states.GetValueOrDefault(IdOf(trial)));
            return 0;
        });
    }

    private (TTrial Trial, JsonObject? State) ReadTrialPart(JsonElement part) => Malformed(() => ReadTrial(part));

    private AlgorithmStateHeader Read(ReadOnlySpan<byte> json, string what) =>
        Read<AlgorithmStateHeader>(json, what);

    private T Read<T>(ReadOnlySpan<byte> json, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, AlgorithmJson.Options)
                ?? throw new InvalidOperationException($"The {_role} {what} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The {_role} {what} is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Runs a step of a restore, turning a malformed value into an <see cref="InvalidOperationException"/>.</summary>
    private T Malformed<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or KeyNotFoundException)
        {
            throw new InvalidOperationException($"The {Kind} {_role} state is malformed: {e.Message}", e);
        }
    }
}
