package dev.zpaaudit.model;

/**
 * Where in a device a filter is attached, by the traffic that passes there: every packet as it
 * arrives (before the device decides where it goes), packets delivered to the device itself,
 * packets it forwards, packets it originates, and every packet as it leaves (after that decision).
 */
public enum Point {
  ARRIVING,
  DELIVERED,
  FORWARDED,
  ORIGINATED,
  LEAVING
}
