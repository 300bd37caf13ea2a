namespace HyperTune.Search.Spaces;

/// <summary>One dimension of a search space.</summary>
/// <param name="Name">The hyperparameter name (see <see cref="Hyperparameters.HyperparameterNames"/>).</param>
/// <param name="Domain">The values it may take.</param>
/// <param name="When">When set, the parameter exists only while the condition holds; otherwise it always exists.</param>
public sealed record SearchParameter(string Name, ParameterDomain Domain, ParameterCondition? When = null);
