using System.Text.Json;
using System.Text.Json.Serialization;
using HyperTune.Coordinator.Api;
using HyperTune.Coordinator.Events;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HyperTune.Coordinator.Hosting;

/// <summary>The Coordinator's REST API: JSON, problem details, OpenAPI, the endpoints and the live event stream.</summary>
public static class CoordinatorApiExtensions
{
    /// <summary>
    /// Adds the API's services: camelCase JSON with string enums and named non-finite numbers, the request limits
    /// (<see cref="ApiLimitsOptions"/>: body size for Kestrel, JSON depth), problem details for every error with one
    /// title per status (503 when the cluster cannot answer), the OpenAPI document and the event stream's options.
    /// </summary>
    public static IHostApplicationBuilder AddCoordinatorApi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ApiLimitsOptions>().BindConfiguration(ApiLimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ApiLimitsOptions>>((kestrel, limits) =>
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBodySize);
        services.AddOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>().Configure<IOptions<ApiLimitsOptions>>((json, limits) =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            json.SerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            json.SerializerOptions.MaxDepth = limits.Value.MaxJsonDepth;
        });
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            // Bare status codes (404 of an unknown route, 405, 413 …) get the same titles as the API's own problems.
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            if (ProblemTitles.IsDefault(status, context.ProblemDetails.Title))
            {
                context.ProblemDetails.Title = ProblemTitles.For(status);
            }
        });
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
