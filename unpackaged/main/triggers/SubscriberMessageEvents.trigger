trigger SubscriberMessageEvents on Kondo_Message_Event__e(after insert) {
  SubscriberEventAutomation.onMessageEvents(Trigger.new);
}
