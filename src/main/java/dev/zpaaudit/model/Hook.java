package dev.zpaaudit.model;

/** Netfilter hooks a packet passes. */
public enum Hook {
  PREROUTING,
  INPUT,
  FORWARD,
  OUTPUT,
  POSTROUTING
}
