trigger SubscriberContactAutomation on Contact(after update) {
  SubscriberAutomation.afterPeopleUpdated(Trigger.new);
}
