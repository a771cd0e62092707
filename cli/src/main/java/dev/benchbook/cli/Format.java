package dev.benchbook.cli;

/** What a command prints on stdout: text for people, or JSON and nothing else. */
enum Format {
    /** A human summary on stdout; messages and progress on stderr. */
    text,
    /** One JSON document on stdout and nothing else; messages and progress on stderr. */
    json
}
