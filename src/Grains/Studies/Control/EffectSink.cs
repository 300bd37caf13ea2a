using HyperTune.Grains.Studies.Effects;

namespace HyperTune.Grains.Studies.Control;

/// <summary>
/// The effects the study core produced since they were last taken, in order. A notification of the study's snapshot
/// or a batched write asked for twice in one batch is kept once (the grain makes the snapshot when it sends it).
/// </summary>
public sealed class EffectSink
{
    private List<StudyEffect> _effects = [];

    /// <summary>Adds an effect.</summary>
    public void Add(StudyEffect effect)
    {
        ArgumentNullException.ThrowIfNull(effect);
        if (effect is NotifyStudyEffect || effect == PersistEffect.Soon)
        {
            if (_effects.Contains(effect))
            {
                return;
            }
        }

        _effects.Add(effect);
    }

    /// <summary>Takes every effect added since the last call.</summary>
    public IReadOnlyList<StudyEffect> Take()
    {
        if (_effects.Count == 0)
        {
            return [];
        }

        var taken = _effects;
        _effects = [];
        return taken;
    }
}
