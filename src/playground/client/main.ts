/**
 * The playground page's entry: connects to the server and wires the parts (channel, composer,
 * context menu, people, layout). Each part is its own module in this folder.
 */
import type { ServerMessage } from '../protocol.js';
import { messagesNode, notice, remove, renderAll, upsert } from './channel.js';
import { addChannel, setChannels, startChannels } from './channels.js';
import { focusComposer, showChoices, startComposer } from './composer.js';
import { startContextMenu } from './context-menu.js';
import { byId, document, obj, str } from './dom.js';
import { startLayout } from './layout.js';
import { showPeople, startPeople } from './people.js';
import { startForum } from './forum.js';
import { showModal, startModal } from './modal.js';
import { connect } from './socket.js';
import { state, type Hello } from './state.js';

function onHello(hello: Hello): void {
  state.hello = hello;
  state.messages = new Map();
  for (const message of hello.messages.map(obj)) if (message && str(message.id)) state.messages.set(str(message.id)!, message);
  byId('guild-name').textContent = hello.guild.name;
  byId('guild-icon').title = hello.guild.name;
  showPeople();
  setChannels(hello.channels, hello.channel.topic, hello.channel.id);
  document.body.dataset.ready = 'true';
}

function onServerMessage(message: ServerMessage): void {
  switch (message.type) {
    case 'hello':
      return onHello(message);
    case 'message':
    case 'messageUpdate': {
      const data = obj(message.message);
      if (data) upsert(data);
      return;
    }
    case 'messageDelete':
      return remove(message.id);
    case 'channel':
      return addChannel(message.channel);
    case 'modal':
      return showModal(message.modal);
    case 'choices':
      return showChoices(message.seq, message.option, message.choices);
    case 'notice':
      return notice(message.level, message.text);
  }
}

startComposer();
startChannels();
startForum();
startModal();
startContextMenu(messagesNode);
startPeople(() => {
  renderAll();
  focusComposer();
});
startLayout();
connect(onServerMessage, () => notice('error', 'Not connected to the playground; retrying…'));
focusComposer();
