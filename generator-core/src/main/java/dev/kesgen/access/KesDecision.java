package dev.kesgen.access;

import java.util.List;
import java.util.Objects;

/** What a KES release answers to one identity asking for one request path, and why. */
public sealed interface KesDecision {
  /** Whether the request passes the policy check. */
  boolean allowed();

  /** One line saying why, naming the policy and pattern that decided where there is one. */
  String reason();

  /** The admin identity is allowed everything, without a policy. */
  record Admin(String identity) implements KesDecision {
    public Admin {
      Objects.requireNonNull(identity, "identity");
    }

    @Override
    public boolean allowed() {
      return true;
    }

    @Override
    public String reason() {
      return "admin identity: every request is allowed";
    }
  }

  /** An allow pattern of the identity's policy matches and no deny pattern does. */
  record Allowed(String policy, String pattern) implements KesDecision {
    public Allowed {
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public boolean allowed() {
      return true;
    }

    @Override
    public String reason() {
      return "allowed by policy '" + policy + "' pattern '" + pattern + "'";
    }
  }

  /** A deny pattern of the identity's policy matches; deny is checked before allow. */
  record DeniedByPattern(String policy, String pattern) implements KesDecision {
    public DeniedByPattern {
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public boolean allowed() {
      return false;
    }

    @Override
    public String reason() {
      return "denied by policy '" + policy + "' deny pattern '" + pattern + "'";
    }
  }

  /** The identity has a policy, but none of its allow patterns matches. */
  record NoAllowMatches(String policy) implements KesDecision {
    public NoAllowMatches {
      Objects.requireNonNull(policy, "policy");
    }

    @Override
    public boolean allowed() {
      return false;
    }

    @Override
    public String reason() {
      return "denied: no allow pattern of policy '" + policy + "' matches";
    }
  }

  /** No policy names the identity, and it is not the admin. */
  record UnknownIdentity(String identity) implements KesDecision {
    public UnknownIdentity {
      Objects.requireNonNull(identity, "identity");
    }

    @Override
    public boolean allowed() {
      return false;
    }

    @Override
    public String reason() {
      return "denied: no policy names this identity";
    }
  }

  /** The release would refuse to start with this configuration (or would misread it), so nothing is served. */
  record InvalidConfiguration(List<String> problems) implements KesDecision {
    public InvalidConfiguration {
      problems = List.copyOf(problems);
    }

    @Override
    public boolean allowed() {
      return false;
    }

    @Override
    public String reason() {
      return "the server does not start with this configuration: " + String.join("; ", problems);
    }
  }
}
