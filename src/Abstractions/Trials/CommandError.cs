namespace HyperTune.Abstractions.Trials;

/// <summary>Why a command was refused.</summary>
[GenerateSerializer]
public enum CommandError
{
    /// <summary>The command was accepted.</summary>
    None,

    /// <summary>No study or trial has that id.</summary>
    NotFound,

    /// <summary>The command is not valid in the current state (e.g. the trial has finished).</summary>
    InvalidState,

    /// <summary>An argument is out of range (e.g. a non-positive learning rate).</summary>
    InvalidArgument,

    /// <summary>
    /// The trial's activation is on another silo than the one the call was meant for (a restart after a move): it leaves
    /// that silo, and the call is to be made again.
    /// </summary>
    Elsewhere,
}
