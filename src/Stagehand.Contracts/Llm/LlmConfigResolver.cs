using System;
using Stagehand.Contracts.V4;

namespace Stagehand.Contracts.Llm;

/// <summary>
/// Resolves which LLM configuration a browser session uses for one operation: the session's override for that
/// operation (<c>actLlmId</c>, <c>extractLlmId</c>, <c>observeLlmId</c>) when set, otherwise its <c>llmId</c>.
/// </summary>
public static class LlmConfigResolver
{
    /// <summary>Resolves the LLM configuration id that <paramref name="session"/> uses for <paramref name="operation"/>.</summary>
    /// <param name="session">The browser session.</param>
    /// <param name="operation">The operation being run.</param>
    /// <returns>The id of the LLM configuration to use.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="session"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="operation"/> is not a defined value.</exception>
    public static Guid Resolve(BrowserSession session, StagehandOperation operation)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Resolve(session.LlmId, session.ActLlmId, session.ExtractLlmId, session.ObserveLlmId, operation);
    }

    /// <summary>Resolves the LLM configuration id to use for <paramref name="operation"/> from a session's four ids.</summary>
    /// <param name="llmId">The session's default LLM configuration.</param>
    /// <param name="actLlmId">The override for <c>act</c>, or <see langword="null"/>.</param>
    /// <param name="extractLlmId">The override for <c>extract</c>, or <see langword="null"/>.</param>
    /// <param name="observeLlmId">The override for <c>observe</c>, or <see langword="null"/>.</param>
    /// <param name="operation">The operation being run.</param>
    /// <returns>The override for <paramref name="operation"/> when set, otherwise <paramref name="llmId"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="operation"/> is not a defined value.</exception>
    public static Guid Resolve(Guid llmId, Guid? actLlmId, Guid? extractLlmId, Guid? observeLlmId, StagehandOperation operation)
    {
        Guid? overrideId = operation switch
        {
            StagehandOperation.Act => actLlmId,
            StagehandOperation.Extract => extractLlmId,
            StagehandOperation.Observe => observeLlmId,
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Not a StagehandOperation value."),
        };

        return overrideId ?? llmId;
    }
}
