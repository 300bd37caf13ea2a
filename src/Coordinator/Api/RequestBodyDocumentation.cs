using Microsoft.OpenApi;

namespace HyperTune.Coordinator.Api;

/// <summary>
/// Documents a JSON request body in the OpenAPI document only. <c>Accepts</c> would also make routing refuse other
/// content types with a bare 415, while these endpoints read the body themselves and explain what is wrong with it.
/// </summary>
internal static class RequestBodyDocumentation
{
    /// <summary>Describes the body as JSON of <typeparamref name="T"/>'s schema.</summary>
    public static RouteHandlerBuilder DocumentJsonBody<T>(this RouteHandlerBuilder builder, string description) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        });
}
