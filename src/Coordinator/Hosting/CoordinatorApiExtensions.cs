using System.Text.Json;
using System.Text.Json.Serialization;
using HyperTune.Coordinator.Api;
using HyperTune.Coordinator.Events;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HyperTune.Coordinator.Hosting;

/// <summary>The Coordinator's REST API: JSON, problem details, OpenAPI, the endpoints and the live event stream.</summary>
public static class CoordinatorApiExtensions
{
    /// <summary>
    /// Adds the API's services: camelCase JSON with string enums and named non-finite numbers, problem details for
    /// every error (503 when the cluster cannot answer), the OpenAPI document and the event stream's options.
    /// </summary>
    public static IHostApplicationBuilder AddCoordinatorApi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            json.SerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<CoordinatorExceptionHandler>();
        services.AddOpenApi();
        services.AddOptions<StudyEventOptions>().BindConfiguration(StudyEventOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StudyEventStream>();
        return builder;
    }

    /// <summary>Answers every error with problem details: exceptions through the handler, bare status codes (404 of an unknown route) too.</summary>
    public static WebApplication UseCoordinatorErrorHandling(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>Maps the REST API under <c>/api</c> (see docs/rest-api.md).</summary>
    public static WebApplication MapCoordinatorApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGroup("/api")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .MapStudyEndpoints()
            .MapExportEndpoints()
            .MapEventStreamEndpoint()
            .MapTrialEndpoints()
            .MapRangeTestEndpoints()
            .MapClusterEndpoints();
        return app;
    }
}
