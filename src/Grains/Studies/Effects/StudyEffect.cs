namespace HyperTune.Grains.Studies.Effects;

/// <summary>
/// Something the study core asks its grain to do: a call to a trial, the slot directory or the range test, a write to
/// storage, a notification to subscribers. The core decides; the grain carries the effect out and hands the answer back
/// to the core as an event.
/// </summary>
public abstract record StudyEffect;
